import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContentFolder } from '../../src/lib/content-check/index.ts';
import { splitFrontmatter } from '../../src/lib/content-check/source.ts';
import { releaseSchema } from '../../src/schemas/release.ts';
import { PROJECT_ROOT, TEST_EPOCH } from '../support/build.ts';

let content: string;

beforeAll(async () => {
  content = path.join(await mkdtemp(path.join(os.tmpdir(), 'ny-')), 'content');
  await cp(path.join(PROJECT_ROOT, 'content'), content, { recursive: true });
});
afterAll(async () => {
  await rm(path.dirname(content), { recursive: true, force: true });
});

/** Runs `npm run ny -- …` the way npm does: the project's Node on scripts/ny.ts. */
function ny(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      path.join(PROJECT_ROOT, 'node_modules/.bin/node'),
      ['scripts/ny.ts', ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, CONTENT_DIR: content, SOURCE_DATE_EPOCH: TEST_EPOCH } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run ny', () => {
  // TEST_EPOCH is 2026-01-01T00:00:00Z, 01:00 in Stockholm (winter time, +01:00).
  const expectedFile = () => path.join(content, 'pressmeddelanden', '2026-01-01-asa-oppnar-ny-konferens-i-sunne.md');

  it('writes a draft named by date and transliterated title, and prints its path', async () => {
    const before = await checkContentFolder(content, { now: new Date() });
    const result = await ny('Åsa öppnar: ny konferens i Sunne');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(`Nytt pressmeddelande: ${expectedFile()}`);

    const split = splitFrontmatter(await readFile(expectedFile(), 'utf8'));
    const data = releaseSchema.parse(parse(split.frontmatter?.text ?? ''));
    expect(data).toMatchObject({ title: 'Åsa öppnar: ny konferens i Sunne', draft: true, kind: 'Pressmeddelande' });
    expect(data.published.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(split.frontmatter?.text).toContain('published: "2026-01-01T01:00:00+01:00"');
    // The template passes every content check: nothing new is reported.
    expect(await checkContentFolder(content, { now: new Date() })).toEqual(before);
  });

  it('gives a title whose address is taken the next free one, and leaves the first file alone', async () => {
    const original = await readFile(expectedFile(), 'utf8');
    const result = await ny('Åsa öppnar – ny konferens i Sunne!');
    expect(result.code).toBe(0);
    const second = expectedFile().replace(/\.md$/, '-2.md');
    expect(result.stdout).toContain(`Nytt pressmeddelande: ${second}`);
    expect(result.stdout).toContain('Adressen /pressmeddelanden/asa-oppnar-ny-konferens-i-sunne/ används redan, så det här pressmeddelandet får /pressmeddelanden/asa-oppnar-ny-konferens-i-sunne-2/.');
    expect(await readFile(expectedFile(), 'utf8')).toBe(original);
    await rm(second);
  });

  it('never gives out an address that an earlier one lists as previous', async () => {
    const mover = path.join(content, 'pressmeddelanden', '2025-01-01-ny-adress.md');
    await writeFile(mover, '---\ntitle: Ny adress\npreviousAddresses:\n  - /pressmeddelanden/gammal-adress/\n---\n');
    const result = await ny('Gammal adress');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('får /pressmeddelanden/gammal-adress-2/');
    await rm(mover);
    await rm(path.join(content, 'pressmeddelanden', '2026-01-01-gammal-adress-2.md'));
  });

  it('never overwrites an existing file, even one without frontmatter', async () => {
    const taken = path.join(content, 'pressmeddelanden', '2026-01-01-rubrik.md');
    await writeFile(taken, 'Redaktörens egen text\n');
    const result = await ny('Rubrik');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('2026-01-01-rubrik-2.md');
    expect(await readFile(taken, 'utf8')).toBe('Redaktörens egen text\n');
    await rm(taken);
    await rm(taken.replace(/\.md$/, '-2.md'));
  });

  it('writes a very long headline under a cut slug, with a note, instead of failing with ENAMETOOLONG', async () => {
    const title = `Ett mycket långt pressmeddelande ${'om vatten och skog '.repeat(20)}i länen`;
    const result = await ny(title);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const file = /^Nytt pressmeddelande: (.+)$/m.exec(result.stdout)?.[1] ?? '';
    expect(path.basename(file)).toBe('2026-01-01-ett-mycket-langt-pressmeddelande-om-vatten-och-skog-om-vatten-och-skog-om-vatten.md');
    expect(result.stdout).toContain('Rubriken är mycket lång, så webbadressen kortas vid ett ordslut till 80 tecken');
    await rm(file);
  });

  it('explains how to call it when the title is missing', async () => {
    const result = await ny();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npm run ny -- "Rubrik på pressmeddelandet"');
  });
});
