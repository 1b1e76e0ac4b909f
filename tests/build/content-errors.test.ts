import { execFile } from 'node:child_process';
import { access, cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/content-check/source.ts';
import { BUILD_ROOT, buildInto, PROJECT_ROOT, TEST_EPOCH, type BuildResult } from '../support/build.ts';
import { expectedReport, hashTree, materialise } from '../fixtures/content-errors/cases.ts';

const run = promisify(execFile);

/** The real `npm run build`, expected to fail; returns its exit code and output. */
async function failingBuild(name: string, env: Record<string, string>): Promise<BuildResult & { code: number }> {
  let result: BuildResult;
  try {
    result = await buildInto(name, env);
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: Number(failure.code),
      stdout: failure.stdout ?? '',
      stderr: failure.stderr ?? '',
      outDir: path.join(BUILD_ROOT, name, 'dist'),
    };
  }
  throw new Error(`The build should have failed but succeeded:\n${result.stdout}`);
}

const exists = (file: string) => access(file).then(
  () => true,
  () => false,
);

/** How the build prints paths: relative to the project when inside it, otherwise absolute. */
const shown = (report: string, contentDir: string) => report.replaceAll('content/', `${displayPath(contentDir, PROJECT_ROOT)}/`);

// Most of the corpus runs through the build's own check function in tests/unit; these go through
// the whole `npm run build` to prove the wiring, the exit code and that nothing is written.
describe.each(['01-yaml-unclosed-quote', '05-release-without-title', '11-overlap-same-room', '23-many-problems-at-once', '25-picture-missing-file'])(
  'npm run build with the malformed case %s',
  (name) => {
    it('exits non-zero with only the Swedish report, writes nothing and leaves the content untouched', async () => {
      const contentDir = await materialise(name, path.join(BUILD_ROOT, 'content-errors-src', name));
      const before = await hashTree(contentDir);
      const repositoryBefore = await hashTree(path.join(PROJECT_ROOT, 'content'));

      const build = await failingBuild(`content-errors-${name}`, { CONTENT_DIR: contentDir });

      expect(build.code).toBe(1);
      expect(build.stderr).toContain(shown(await expectedReport(name), contentDir));
      expect(`${build.stdout}\n${build.stderr}`).not.toMatch(/^\s+at /m);
      expect(await exists(build.outDir)).toBe(false);
      expect(await hashTree(contentDir)).toEqual(before);
      expect(await hashTree(path.join(PROJECT_ROOT, 'content'))).toEqual(repositoryBefore);
    });
  },
);

describe('npm run build with warnings only', () => {
  it('builds the seed with exactly one warning, the address without a public top-level domain', async () => {
    const build = await buildInto('content-check-seed');
    const output = `${build.stdout}\n${build.stderr}`;
    expect(output).toContain('Innehållskontrollen hittade 1 varning:');
    expect(output.match(/^(VARNING|FEL) .*$/gm)).toEqual([
      expect.stringMatching(/^VARNING content\/kontakter\/klara-bolinder\.yaml:\d+:8 {2}fältet email$/),
    ]);
    expect(output).toContain('E-postadressen "klara.bolinder@lansstyrelsen.orebro" slutar på ".orebro"');
    expect(await exists(path.join(build.outDir, 'index.html'))).toBe(true);
  });

  it('leaves a release dated after the build clock out of the site, with information naming file and line', async () => {
    const name = '32-info-scheduled-release';
    const contentDir = await materialise(name, path.join(BUILD_ROOT, 'content-errors-src', name));
    const build = await buildInto(`content-errors-${name}`, { CONTENT_DIR: contentDir });
    expect(build.stdout).toContain(shown(await expectedReport(name), contentDir));
    expect(await exists(path.join(build.outDir, 'pressmeddelanden', 'index.html'))).toBe(true);
    expect(await exists(path.join(build.outDir, 'pressmeddelanden', 'konferens-2026', 'index.html'))).toBe(false);
  });
});

describe('npm run ny', () => {
  it('writes a release that builds: as a draft, and as a published page once draft is false', async () => {
    const contentDir = path.join(BUILD_ROOT, 'content-ny-src', 'content');
    await rm(path.dirname(contentDir), { recursive: true, force: true });
    await cp(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
    const { stdout } = await run('npm', ['run', '--silent', 'ny', '--', 'Nytt om konferensen i Sunne'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONTENT_DIR: contentDir, SOURCE_DATE_EPOCH: TEST_EPOCH },
    });
    const file = /^Nytt pressmeddelande: (.+)$/m.exec(stdout)?.[1] ?? '';
    expect(path.resolve(PROJECT_ROOT, file)).toBe(path.join(contentDir, 'pressmeddelanden', '2026-01-01-nytt-om-konferensen-i-sunne.md'));

    const draft = await buildInto('content-ny-draft', { CONTENT_DIR: contentDir });
    expect(await exists(path.join(draft.outDir, 'pressmeddelanden', 'nytt-om-konferensen-i-sunne'))).toBe(false);

    const text = await readFile(path.resolve(PROJECT_ROOT, file), 'utf8');
    await writeFile(path.resolve(PROJECT_ROOT, file), text.replace('draft: true', 'draft: false'));
    const published = await buildInto('content-ny-published', { CONTENT_DIR: contentDir });
    const html = await readFile(path.join(published.outDir, 'pressmeddelanden', 'nytt-om-konferensen-i-sunne', 'index.html'), 'utf8');
    expect(html).toMatch(/<h1[^>]*>Nytt om konferensen i Sunne<\/h1>/);
  });
});
