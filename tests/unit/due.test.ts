import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentFolder } from '../../src/lib/content-check/source.ts';
import { buildFileText, clockedContent, dueSince, readBuildFile } from '../../src/lib/due.ts';
import { PROJECT_ROOT } from '../support/build.ts';

const run = promisify(execFile);

// Invented test content: one conference day that starts at midnight Swedish time, so the status
// change falls on a date boundary that UTC does not share (00:00 CEST is 22:00 UTC the day before).
const PROGRAMME = `name: Testkonferens
summary: En konferens för testerna
audience: Testare.
organisers: [testorganisation]
timezone: Europe/Stockholm
venue:
  name: Testlokalen
  town: Teststad
days:
  - date: "2019-09-25"
    start: "00:00"
    end: "16:30"
`;

const release = (title: string, published: string, extra = '') =>
  `---\ntitle: ${title}\npublished: "${published}"\norganisations:\n  - testorganisation\n${extra}---\n\nText.\n`;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'due-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A content folder with the programme and the given release files; returns its path. */
async function contentWith(name: string, releases: Record<string, string>): Promise<string> {
  const dir = path.join(work, name, 'content');
  await mkdir(path.join(dir, 'pressmeddelanden'), { recursive: true });
  await writeFile(path.join(dir, 'program.yaml'), PROGRAMME);
  for (const [file, text] of Object.entries(releases)) await writeFile(path.join(dir, 'pressmeddelanden', file), text);
  return dir;
}

async function due(name: string, releases: Record<string, string>, since: string, now: string) {
  const dir = await contentWith(name, releases);
  return dueSince(clockedContent(await readContentFolder(dir, path.dirname(dir))), new Date(since), new Date(now));
}

// Before the conference day, so only releases can come due in these.
const SINCE = '2019-09-20T08:00:00Z';
const NOW = '2019-09-20T08:15:00Z';

describe('what has come due since the deployed build', () => {
  it('nothing, when every release was already out at the deployed clock', async () => {
    expect(await due('nothing', { 'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00') }, SINCE, NOW)).toEqual([]);
  });

  it('one release, whose time fell between the deployed clock and now', async () => {
    const reasons = await due(
      'one',
      {
        'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00'),
        'b.md': release('Nu är det dags', '2019-09-20T10:10:00+02:00'),
        'c.md': release('Senare', '2019-09-20T10:16:00+02:00'),
      },
      SINCE,
      NOW,
    );
    expect(reasons).toEqual([
      { kind: 'release', file: 'content/pressmeddelanden/b.md', title: 'Nu är det dags', published: new Date('2019-09-20T08:10:00Z') },
    ]);
  });

  it('a release exactly at the deployed clock was already out; one exactly at now is due', async () => {
    const reasons = await due(
      'edges',
      { 'a.md': release('Vid förra bygget', '2019-09-20T10:00:00+02:00'), 'b.md': release('Precis nu', '2019-09-20T10:15:00+02:00') },
      SINCE,
      NOW,
    );
    expect(reasons.map((reason) => reason.kind === 'release' && reason.title)).toEqual(['Precis nu']);
  });

  it('not a draft, even when its time falls in the window', async () => {
    expect(await due('draft', { 'a.md': release('Utkast', '2019-09-20T10:10:00+02:00', 'draft: true\n') }, SINCE, NOW)).toEqual([]);
  });

  it('not a release edited after it was published: the push that changed it deployed it', async () => {
    const edited = release('Rättad rubrik', '2019-09-20T09:00:00+02:00').replace('Text.', 'Text med rättat stavfel.');
    expect(await due('edited', { 'a.md': edited }, SINCE, NOW)).toEqual([]);
  });

  it('a published release moved later by an edit is due again when its new time comes', async () => {
    // Deployed at 10:00 with the new time 10:10 (so left out), now 10:15: due.
    const moved = release('Flyttad', '2019-09-20T10:10:00+02:00');
    expect((await due('moved', { 'a.md': moved }, SINCE, NOW)).map((reason) => reason.kind)).toEqual(['release']);
  });

  it('the conference status, when it changes at midnight in the conference time zone', async () => {
    // 23:59 and 00:00 Swedish summer time on the night the (invented) day starts at 00:00.
    expect(await due('midnight', {}, '2019-09-24T21:59:00Z', '2019-09-24T22:00:00Z')).toEqual([
      { kind: 'status', from: 'upcoming', to: 'ongoing' },
    ]);
    // A minute earlier it has not changed yet, and UTC midnight an hour later changes nothing.
    expect(await due('before-midnight', {}, '2019-09-24T21:45:00Z', '2019-09-24T21:59:00Z')).toEqual([]);
    expect(await due('utc-midnight', {}, '2019-09-24T23:50:00Z', '2019-09-25T00:05:00Z')).toEqual([]);
  });

  it('the conference status, when the last day ends', async () => {
    expect(await due('over', {}, '2019-09-25T14:25:00Z', '2019-09-25T14:40:00Z')).toEqual([{ kind: 'status', from: 'ongoing', to: 'past' }]);
  });

  it('skips a release the schema rejects: a build would stop on it, so it never comes due', async () => {
    const broken = release('Trasig', '2019-09-20T10:10:00+02:00').replace('organisations:\n  - testorganisation\n', '');
    expect(await due('broken', { 'a.md': broken }, SINCE, NOW)).toEqual([]);
  });
});

describe('the build file', () => {
  it('holds the clock in whole seconds, and reads back to the same instant', () => {
    const text = buildFileText(new Date('2019-09-25T08:00:00.750Z'));
    expect(JSON.parse(text)).toEqual({ sourceDateEpoch: 1569398400, clock: '2019-09-25T08:00:00.000Z' });
    expect(readBuildFile(text)).toEqual(new Date('2019-09-25T08:00:00Z'));
  });

  it('rejects a file without a clock', () => {
    expect(() => readBuildFile('<!doctype html>')).toThrow('not JSON');
    expect(() => readBuildFile('{"sourceDateEpoch":"1569398400"}')).toThrow('sourceDateEpoch');
  });
});

describe('scripts/due.ts', () => {
  async function script(buildFile: string, content: string, now: string) {
    const output = path.join(work, `output-${Math.random().toString(36).slice(2)}`);
    await writeFile(output, '');
    const { stdout } = await run(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'node'), ['scripts/due.ts', buildFile], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONTENT_DIR: content, SOURCE_DATE_EPOCH: String(Date.parse(now) / 1000), GITHUB_OUTPUT: output },
    });
    return { stdout, output: await readFile(output, 'utf8') };
  }

  it('answers for the workflow: due=true with the reason, due=false when nothing changed', async () => {
    const content = await contentWith('script', { 'b.md': release('Nu är det dags', '2019-09-20T10:10:00+02:00') });
    const deployed = path.join(work, 'build.json');
    await writeFile(deployed, buildFileText(new Date(SINCE)));

    const dueNow = await script(deployed, content, NOW);
    expect(dueNow.output).toBe('due=true\n');
    expect(dueNow.stdout).toContain('b.md ("Nu är det dags") was scheduled for 2019-09-20T08:10:00.000Z');

    const notYet = await script(deployed, content, '2019-09-20T08:05:00Z');
    expect(notYet.output).toBe('due=false\n');
  });

  it('builds when the deployed build file cannot be read', async () => {
    const content = await contentWith('script-missing', {});
    const result = await script(path.join(work, 'no-such-build.json'), content, NOW);
    expect(result.output).toBe('due=true\n');
    expect(result.stdout).toContain("the deployed build's clock is unknown");
  });
});
