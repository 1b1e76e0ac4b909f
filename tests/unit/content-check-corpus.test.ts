import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentFolder, formatReport, hasErrors } from '../../src/lib/content-check/index.ts';
import { TEST_EPOCH } from '../support/build.ts';
import { caseNames, expectedReport, materialise } from '../fixtures/content-errors/cases.ts';

// The same function the build's integration calls, on each malformed folder of the corpus; a few
// cases also go through the real `npm run build` in tests/build/content-errors.test.ts.
const names = await caseNames();
const now = new Date(Number(TEST_EPOCH) * 1000);
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'content-corpus-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function check(name: string) {
  const root = path.join(work, name);
  const content = await materialise(name, root);
  return checkContentFolder(content, { now, displayRoot: root });
}

describe('malformed content corpus', () => {
  it('has at least 15 error cases and some warning cases', () => {
    expect(names.filter((name) => !name.startsWith('3')).length).toBeGreaterThanOrEqual(15);
    expect(names.filter((name) => name.startsWith('3')).length).toBeGreaterThanOrEqual(3);
  });

  it('the base the cases are laid over is clean', async () => {
    const root = path.join(work, '_base');
    const content = await materialise('_base', root);
    expect(await checkContentFolder(content, { now, displayRoot: root })).toEqual([]);
  });

  it.each(names)('%s: reports exactly the expected Swedish problems', async (name) => {
    const problems = await check(name);
    expect(formatReport(problems)).toBe(await expectedReport(name));
    // Error cases stop the build; warning and information cases (3x) do not.
    expect(hasErrors(problems)).toBe(!name.startsWith('3'));
    // Every problem names a file in the content folder, and a line wherever there is one to give.
    for (const problem of problems) {
      expect(problem.file).toMatch(/^content\//);
      // A file that is missing, or not read at all (a file the site ignores, a picture), has no lines.
      const unread = ['20-missing-file', '33-warning-ignored-file', '34-warning-ignored-entity-file'].includes(name) || /\.(jpg|png)$/.test(problem.file);
      if (!unread) expect(problem.position?.line).toBeGreaterThan(0);
    }
  });
});

describe('docs/redaktorer.md', () => {
  it('explains every message the corpus produces', async () => {
    // Times, dates and line numbers differ between example and report: each becomes #.
    const flat = (text: string) => text.replace(/\*\*|`/g, '').replace(/\S*\d\S*/g, '#').replace(/\s+/g, ' ').toLowerCase();
    const guide = flat(await readFile('docs/redaktorer.md', 'utf8'));
    const undocumented: string[] = [];
    for (const name of names) {
      const messages = (await expectedReport(name)).split('\n').filter((line) => line.startsWith('    '));
      for (const message of messages) {
        // The fixed wording that opens the message, between the quoted values and before the first
        // clause ends: "fältet är inte ett datum …" from 'Hittade "2019-09-31", men fältet är inte …'.
        const wording = message
          .replace(/^\s*Hittade .*?, men /, '')
          .split(/"[^"]*"/)
          .map((part) => part.replace(/^[\s,.;:?–]+/, ''))
          .sort((a, b) => b.length - a.length)[0] ?? '';
        const headline = wording.split(/[.;:,?!](?:\s|$)/)[0]?.split(' ').slice(0, 4).join(' ') ?? '';
        if (headline.length < 8 || !guide.includes(flat(headline))) undocumented.push(`${name}: ${headline}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
