import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentFolder, readContentFolder } from '../../src/lib/content-check/index.ts';
import { PROJECT_ROOT, TEST_EPOCH } from '../support/build.ts';

// content/pressmeddelanden/_mall.md is what editors on github.com copy into a new file (docs/redaktorer.md).
const TEMPLATE = path.join(PROJECT_ROOT, 'content', 'pressmeddelanden', '_mall.md');
const now = new Date(Number(TEST_EPOCH) * 1000);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'template-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function checkCopy(name: string, edit: (text: string) => string) {
  const root = path.join(work, name);
  const content = path.join(root, 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
  await writeFile(path.join(content, 'pressmeddelanden', '2019-09-24-rubrik-pa-pressmeddelandet.md'), edit(await readFile(TEMPLATE, 'utf8')));
  return checkContentFolder(content, { now, displayRoot: root });
}

describe('the release template', () => {
  it('is never a release itself', async () => {
    const folder = await readContentFolder(path.join(PROJECT_ROOT, 'content'), PROJECT_ROOT);
    expect(folder.releases.length).toBeGreaterThan(0);
    expect(folder.releases).not.toContain('pressmeddelanden/_mall.md');
  });

  it('copied as it stands, passes the content check as a draft', async () => {
    const template = await readFile(TEMPLATE, 'utf8');
    expect(template).toMatch(/^draft: true$/m);
    const problems = await checkCopy('as-is', (text) => text);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('with draft: false, passes and is published (no scheduled information at the test clock)', async () => {
    const problems = await checkCopy('published', (text) => text.replace(/^draft: true$/m, 'draft: false'));
    expect(problems.filter((problem) => problem.severity !== 'warning')).toEqual([]);
  });
});
