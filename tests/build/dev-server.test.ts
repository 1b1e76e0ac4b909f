/**
 * `npm run dev` on broken content (issue 15): at start and after every save the terminal holds the
 * content check's Swedish report and no English error or stack trace; the server stays up, its
 * pages list what to fix, and once the file is fixed the site is served again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayPath } from '../../src/lib/content-check/source.ts';
import { BUILD_ROOT, cleanEnvironment, lockProject, PROJECT_ROOT } from '../support/build.ts';

const workDir = path.join(BUILD_ROOT, 'dev-server');
// Outside node_modules/, which Vite's file watcher ignores: saves there would never reach the check.
let contentDir = '';
let shownDir = '';
let programmeFile = '';
let releaseFile = '';
let brokenLine = 0;

let server: ChildProcess | undefined;
let output = '';
let port = 0;
let releaseProject: (() => Promise<void>) | undefined;

/** Astro's own English errors, and stack frames, which the editor must never see. */
const ENGLISH_ERROR = /\b[A-Z][A-Za-z]*Error\b|Stack trace|^\s+at /m;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Output so far:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const page = async (route = '') => {
  const response = await fetch(`http://127.0.0.1:${port}/${route}`);
  return { status: response.status, body: await response.text() };
};

/** Output written after `mark` (a length of `output`), once `text` has appeared in it. */
const outputAfter = (mark: number, text: string) =>
  waitFor(`"${text}" in the output`, () => (output.slice(mark).includes(text) ? output.slice(mark) : undefined));

beforeAll(async () => {
  await rm(workDir, { recursive: true, force: true });
  contentDir = path.join(await mkdtemp(path.join(tmpdir(), 'konferens-dev-')), 'content');
  shownDir = displayPath(contentDir, PROJECT_ROOT);
  programmeFile = path.join(contentDir, 'program.yaml');
  releaseFile = path.join(contentDir, 'pressmeddelanden', '2019-09-23-konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal.md');
  await cp(path.join(PROJECT_ROOT, 'content'), contentDir, { recursive: true });
  // An hour that does not exist, in the first day's start time (column 12 of its line).
  const programme = await readFile(programmeFile, 'utf8');
  brokenLine = programme.split('\n').indexOf('    start: "11:00"') + 1;
  expect(brokenLine).toBeGreaterThan(0);
  await writeFile(programmeFile, programme.replace('    start: "11:00"', '    start: "25:00"'));
  port = await freePort();
  releaseProject = await lockProject();
  server = spawn(
    path.join(PROJECT_ROOT, 'node_modules', '.bin', 'astro'),
    // --ignore-lock: run beside a developer's own `npm run dev` instead of refusing to start (and never in the background).
    ['dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...cleanEnvironment(),
        CONTENT_DIR: contentDir,
        ASTRO_CACHE_DIR: path.join(workDir, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    'the dev server to answer',
    async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/`)).status;
      } catch {
        return undefined;
      }
    },
    120_000,
  );
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await releaseProject?.();
  if (contentDir) await rm(path.dirname(contentDir), { recursive: true, force: true });
});

describe('npm run dev with broken content', () => {
  it('prints the Swedish report with file:line at start, and no English error or stack trace', () => {
    expect(output).toContain('Innehållskontrollen hittade 1 fel och 1 varning:');
    expect(output).toContain(`FEL ${shownDir}/program.yaml:${brokenLine}:12  fältet days[0].start\n    Hittade "25:00", men fältet ska skrivas TT:MM`);
    expect(output).not.toMatch(ENGLISH_ERROR);
    expect(server?.exitCode).toBeNull();
  });

  it('answers every page with a Swedish page listing what to fix', async () => {
    for (const route of ['', 'program/', 'pressmeddelanden/konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal/']) {
      const { status, body } = await page(route);
      expect(status, route).toBe(500);
      expect(body).toContain('<h1>Innehållet behöver rättas</h1>');
      expect(body).toContain(`<code>${shownDir}/program.yaml:${brokenLine}:12</code> <span class="field">fältet days[0].start</span>`);
      expect(body).not.toMatch(ENGLISH_ERROR);
    }
  });

  it('serves the site once the file is fixed, and reports the next broken save in Swedish only', async () => {
    let mark = output.length;
    await writeFile(programmeFile, (await readFile(programmeFile, 'utf8')).replace('"25:00"', '"11:00"'));
    await outputAfter(mark, 'Innehållskontrollen hittade 1 varning:');
    const fixed = await waitFor('the front page', async () => {
      const answer = await page();
      return answer.status === 200 ? answer.body : undefined;
    });
    // The dev server adds data-astro-source-* attributes; booleans keep a failure message short.
    expect(/<h1[^>]*>Konferens om prostitution och människohandel för sexuella ändamål<\/h1>/.test(fixed)).toBe(true);

    // A save that breaks a release's frontmatter (a quote never closed).
    mark = output.length;
    const release = await readFile(releaseFile, 'utf8');
    await writeFile(releaseFile, release.replace('kind: Pressmeddelande', 'kind: "Pressmeddelande'));
    const afterSave = await outputAfter(mark, 'Innehållskontrollen hittade 1 fel och 1 varning:');
    expect(afterSave).toMatch(new RegExp(`FEL ${shownDir}/pressmeddelanden/2019-09-23-[a-z-]+\\.md:\\d+:\\d+`));
    expect((await page()).status).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // let the loaders' own reaction finish
    expect(output.slice(mark)).not.toMatch(ENGLISH_ERROR);

    mark = output.length;
    await writeFile(releaseFile, release);
    await outputAfter(mark, 'Innehållskontrollen hittade 1 varning:');
    const served = await waitFor('the release page', async () => {
      const answer = await page('pressmeddelanden/konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal/');
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(served.includes('Länsstyrelserna i Värmlands- Dalarnas- och Örebro län bjuder nu in')).toBe(true);
    expect(output).not.toMatch(ENGLISH_ERROR);
  });
});
