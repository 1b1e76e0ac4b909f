import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryLink, stepSummary, workflowCommands } from '../../src/lib/content-check/github.ts';
import { checkContentFolder } from '../../src/lib/content-check/index.ts';
import { BUILD_ROOT, buildInto, PROJECT_ROOT, TEST_EPOCH } from '../support/build.ts';
import { materialise } from '../fixtures/content-errors/cases.ts';

// The workflows run no content check of their own before the build any more: the build's check
// must annotate the commit and write the run's summary on GitHub Actions, as `npm run check:content` does.
describe('npm run build on GitHub Actions with broken content', () => {
  it('prints one workflow command per problem and appends the Swedish summary, then stops', async () => {
    const name = '23-many-problems-at-once';
    const contentDir = await materialise(name, path.join(BUILD_ROOT, 'content-errors-src', `annotations-${name}`));
    const summary = path.join(BUILD_ROOT, 'annotations-summary.md');
    await writeFile(summary, '');
    const github = {
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'example/konferens',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    };
    const failure = await buildInto('annotations', { CONTENT_DIR: contentDir, ...github }).then(
      () => undefined,
      (error: { code?: number; stdout?: string }) => error,
    );
    expect(failure?.code).toBe(1);

    const problems = await checkContentFolder(contentDir, { now: new Date(Number(TEST_EPOCH) * 1000), displayRoot: PROJECT_ROOT });
    expect(problems.filter((problem) => problem.severity === 'error').length).toBeGreaterThan(2);
    const commands = workflowCommands(problems);
    expect(failure?.stdout).toContain(commands);
    expect(await readFile(summary, 'utf8')).toBe(stepSummary(problems, { fileUrl: repositoryLink(github) }));
  });
});
