import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';
import { buildFileOf, contentWith, release } from '../support/due-content.ts';

// The real gate: the `run:` script of .github/workflows/due.yml, run the way GitHub runs it
// (bash --noprofile --norc -eo pipefail), against build.json files that the site's own code
// writes for the same cases as tests/unit/due.test.ts, served from a folder (file: URLs) or
// from a local HTTP server.
const run = promisify(execFile);
const A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

interface Step {
  id?: string;
  run?: string;
  env?: Record<string, string>;
}
let script: string;
let work: string;

beforeAll(async () => {
  const workflow = parse(await readFile(path.join(PROJECT_ROOT, '.github', 'workflows', 'due.yml'), 'utf8')) as {
    jobs: { due: { steps: Step[] } };
  };
  const step = workflow.jobs.due.steps.find((candidate) => candidate.id === 'due');
  script = step?.run ?? '';
  // The inputs the tests give are the ones the workflow gives.
  expect(Object.keys(step?.env ?? {}).sort()).toEqual(['MAIN_SHA', 'SITE']);
  work = await mkdtemp(path.join(os.tmpdir(), 'due-gate-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Answer {
  due: boolean;
  says: string;
}

/** Runs the gate with the live site at `site` (a folder's file: URL or an http URL), `main` at MAIN_SHA, at `now`. */
async function gate(site: string, main: string, now: string): Promise<Answer> {
  const output = path.join(work, `output-${Math.random().toString(36).slice(2)}`);
  await writeFile(output, '');
  const { stdout } = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    env: { PATH: process.env.PATH, SITE: site, MAIN_SHA: main, NOW: String(Date.parse(now) / 1000), GITHUB_OUTPUT: output },
  });
  const written = await readFile(output, 'utf8');
  expect(written).toMatch(/^due=(true|false)\n$/);
  return { due: written === 'due=true\n', says: stdout.trim() };
}

/** A live site (a folder) whose build.json is `text`; returns its file: URL. */
async function liveSite(name: string, text?: string): Promise<string> {
  const dir = path.join(work, 'sites', name);
  await mkdir(dir, { recursive: true });
  if (text !== undefined) await writeFile(path.join(dir, 'build.json'), text);
  return `${pathToFileURL(dir).href}/`;
}

/** The live site built at `since` from commit `commit` of a content folder with these releases. */
async function deployed(name: string, releases: Record<string, string>, since: string, commit = A): Promise<string> {
  const dir = await contentWith(path.join(work, 'content', name), releases);
  return liveSite(name, await buildFileOf(dir, new Date(since), commit));
}

// Before the conference day, so only releases can come due in these.
const SINCE = '2019-09-20T08:00:00Z';
const NOW = '2019-09-20T08:15:00Z';

describe('the due gate, when the live site is at main', () => {
  it('nothing is due when every release was already out at the deployed clock', async () => {
    const answer = await gate(await deployed('nothing', { 'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00') }, SINCE), A, NOW);
    expect(answer).toEqual({ due: false, says: `nothing due: the live site is at main (${A}); next due at 2019-09-24T22:00:00Z` });
  });

  it('one release, whose time fell between the deployed clock and now, is due', async () => {
    const site = await deployed(
      'one',
      {
        'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00'),
        'b.md': release('Nu är det dags', '2019-09-20T10:10:00+02:00'),
        'c.md': release('Senare', '2019-09-20T10:16:00+02:00'),
      },
      SINCE,
    );
    expect(await gate(site, A, NOW)).toEqual({
      due: true,
      says: 'due: something came due at 2019-09-20T08:10:00Z (the live site was built at 2019-09-20T08:00:00Z)',
    });
    expect((await gate(site, A, '2019-09-20T08:09:59Z')).due).toBe(false);
  });

  it('a release exactly at the deployed clock was already out; one exactly at now is due', async () => {
    const site = await deployed(
      'edges',
      { 'a.md': release('Vid förra bygget', '2019-09-20T10:00:00+02:00'), 'b.md': release('Precis nu', '2019-09-20T10:15:00+02:00') },
      SINCE,
    );
    expect((await gate(site, A, '2019-09-20T08:14:59Z')).due).toBe(false);
    expect((await gate(site, A, NOW)).due).toBe(true);
  });

  it('a draft never comes due, even when its time falls in the window', async () => {
    const site = await deployed('draft', { 'a.md': release('Utkast', '2019-09-20T10:10:00+02:00', 'draft: true\n') }, SINCE);
    expect((await gate(site, A, NOW)).due).toBe(false);
  });

  it('a release edited after it was published is not due: the push that changed it deployed it', async () => {
    const edited = release('Rättad rubrik', '2019-09-20T09:00:00+02:00').replace('Text.', 'Text med rättat stavfel.');
    expect((await gate(await deployed('edited', { 'a.md': edited }, SINCE), A, NOW)).due).toBe(false);
  });

  it('a published release moved later by an edit is due again when its new time comes', async () => {
    // Deployed at 10:00 with the new time 10:10 (so left out), now 10:15: due.
    const site = await deployed('moved', { 'a.md': release('Flyttad', '2019-09-20T10:10:00+02:00') }, SINCE);
    expect((await gate(site, A, NOW)).due).toBe(true);
  });

  it('the conference status, when it changes at midnight in the conference time zone', async () => {
    // Built at 23:59 Swedish summer time on the night the (invented) day starts at 00:00.
    const site = await deployed('midnight', {}, '2019-09-24T21:59:00Z');
    expect((await gate(site, A, '2019-09-24T21:59:59Z')).due).toBe(false);
    expect((await gate(site, A, '2019-09-24T22:00:00Z')).due).toBe(true);
    // Built just after: UTC midnight an hour later changes nothing.
    const after = await deployed('utc-midnight', {}, '2019-09-24T22:00:00Z');
    expect((await gate(after, A, '2019-09-25T00:05:00Z')).due).toBe(false);
  });

  it('the conference status, when the last day ends; after that nothing is ever due', async () => {
    expect((await gate(await deployed('over', {}, '2019-09-25T14:25:00Z'), A, '2019-09-25T14:40:00Z')).due).toBe(true);
    const past = await deployed('past', {}, '2019-09-25T14:30:00Z');
    expect(await gate(past, A, '2030-01-01T00:00:00Z')).toEqual({ due: false, says: `nothing due: the live site is at main (${A}) and nothing is scheduled` });
  });

  it('a release the schema rejects never comes due: a build would stop on it', async () => {
    const broken = release('Trasig', '2019-09-20T10:10:00+02:00').replace('organisations:\n  - testorganisation\n', '');
    expect((await gate(await deployed('broken', { 'a.md': broken }, SINCE), A, NOW)).due).toBe(false);
  });
});

describe('the due gate and the deployed commit', () => {
  it('is due when the live site was built from A and main is at B, with nothing time-driven', async () => {
    const site = await deployed('behind', { 'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00') }, SINCE, A);
    expect(await gate(site, B, NOW)).toEqual({ due: true, says: `due: the live site was built from ${A}, main is at ${B}` });
    expect((await gate(site, A, NOW)).due).toBe(false);
  });

  it('is due when the live site does not say which commit it was built from', async () => {
    const dir = await contentWith(path.join(work, 'content', 'no-commit'), {});
    const site = await liveSite('no-commit', await buildFileOf(dir, new Date(SINCE)));
    expect(await gate(site, A, NOW)).toEqual({ due: true, says: 'due: the live site does not say which commit it was built from' });
  });
});

describe('the due gate and an unreadable build.json', () => {
  it.each([
    ['missing', undefined, 'could not be read'],
    ['not JSON', '<!doctype html><title>Sidan finns inte</title>', 'makes no sense'],
    ['empty', '', 'makes no sense'],
    ['no clock', `{"commit":"${A}"}`, 'makes no sense'],
    ['a clock as text', `{"sourceDateEpoch":"1568966400","commit":"${A}"}`, 'makes no sense'],
    ['nextDue not a time', `{"sourceDateEpoch":1568966400,"commit":"${A}","nextDue":"snart"}`, 'makes no sense'],
    ['a commit that is no SHA', `{"sourceDateEpoch":1568966400,"commit":"main"}`, 'does not say which commit'],
  ])('is due when build.json is %s', async (name, text, reason) => {
    const answer = await gate(await liveSite(`bad-${name.replaceAll(' ', '-')}`, text), A, NOW);
    expect(answer.due).toBe(true);
    expect(answer.says).toContain(reason);
  });
});

describe('the due gate over HTTP', () => {
  let server: Server;
  let origin: string;
  const requests: string[] = [];
  let body: string | undefined;

  beforeAll(async () => {
    const dir = await contentWith(path.join(work, 'content', 'http'), {});
    body = await buildFileOf(dir, new Date(SINCE), A);
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      if (body === undefined || !request.url?.startsWith('/konferens/build.json')) {
        response.writeHead(404, { 'Content-Type': 'text/html' }).end('<!doctype html><title>404</title>');
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads build.json under the base path, with a query the CDN has not cached, with or without a trailing slash', async () => {
    expect((await gate(`${origin}/konferens/`, A, NOW)).due).toBe(false);
    expect((await gate(`${origin}/konferens`, A, NOW)).due).toBe(false);
    expect(requests.slice(-2)).toEqual([`/konferens/build.json?t=${Date.parse(NOW) / 1000}`, `/konferens/build.json?t=${Date.parse(NOW) / 1000}`]);
  });

  it('is due when the site answers 404 (the first deploy)', async () => {
    body = undefined;
    const answer = await gate(`${origin}/konferens/`, A, NOW);
    expect(answer).toEqual({ due: true, says: `due: the live build.json could not be read (${origin}/konferens/build.json)` });
  });
});

describe('the build hook for Netlify and Cloudflare Pages (build-hook.yml)', () => {
  let server: Server;
  let hookUrl: string;
  const posts: { method: string; url: string }[] = [];
  let hook: { if?: string; steps: Step[] };

  beforeAll(async () => {
    const workflow = parse(await readFile(path.join(PROJECT_ROOT, '.github', 'workflows', 'build-hook.yml'), 'utf8')) as {
      jobs: { hook: { if?: string; steps: Step[] } };
    };
    hook = workflow.jobs.hook;
    server = createServer((request, response) => {
      posts.push({ method: request.method ?? '', url: request.url ?? '' });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/build_hooks/abc123`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /**
   * One scheduled run: the gate on `site`, then the hook job as GitHub would run it. Its `if` is
   * the one condition read here (the workflow test pins its text), so it is evaluated as such.
   */
  async function scheduledRun(site: string, main: string, now: string, secret = hookUrl) {
    expect(hook.if).toBe("needs.due.outputs.due == 'true'");
    const { due } = await gate(site, main, now);
    if (!due) return { due, posted: 0 };
    const before = posts.length;
    const script = hook.steps.map((step) => step.run ?? '').join('\n');
    const { stdout } = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
      env: { PATH: process.env.PATH, BUILD_HOOK_URL: secret },
    });
    return { due, posted: posts.length - before, stdout };
  }

  it('calls the hook once, with a POST, when a scheduled release has come due', async () => {
    const site = await deployed('hook-due', { 'b.md': release('Nu är det dags', '2019-09-20T10:10:00+02:00') }, SINCE);
    expect(await scheduledRun(site, A, NOW)).toEqual({ due: true, posted: 1, stdout: 'Bygget är startat hos värden.\n' });
    expect(posts.at(-1)).toEqual({ method: 'POST', url: '/build_hooks/abc123' });
  });

  it('calls the hook when the live site is behind main', async () => {
    const site = await deployed('hook-behind', {}, SINCE, A);
    expect((await scheduledRun(site, B, NOW)).posted).toBe(1);
  });

  it('does not call it when nothing is due', async () => {
    const before = posts.length;
    const site = await deployed('hook-nothing', { 'a.md': release('Gammalt', '2019-09-19T10:00:00+02:00') }, SINCE);
    expect(await scheduledRun(site, A, NOW)).toEqual({ due: false, posted: 0 });
    expect(posts.length).toBe(before);
  });

  it('fails with a Swedish annotation when the secret is missing', async () => {
    const site = await deployed('hook-no-secret', {}, SINCE, A);
    const failure = await scheduledRun(site, B, NOW, '').catch((error: { code: number; stdout: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stdout: string }).stdout).toContain('::error title=BUILD_HOOK_URL saknas::');
  });
});
