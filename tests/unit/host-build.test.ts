import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/build.ts';

// Netlify (netlify.toml) and Cloudflare Pages (its build command, docs/publicering.md) run
// `npm run build:host`, which must give the build its one clock. The script runs here with `npm`
// replaced by a stand-in that records what the build would have been given.
const run = promisify(execFile);
let work: string;
let script: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'host-build-'));
  await writeFile(path.join(work, 'npm'), '#!/bin/sh\necho "npm $* SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"\n');
  await chmod(path.join(work, 'npm'), 0o755);
  const manifest = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  script = manifest.scripts['build:host'] ?? '';
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Runs the script as npm does (sh -c), with the stand-in npm first on PATH. */
async function hostBuild(env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run('sh', ['-c', script], { env: { PATH: `${work}:${process.env.PATH}`, ...env } });
  return stdout.trim();
}

describe('the build on Netlify and Cloudflare Pages', () => {
  it('sets SOURCE_DATE_EPOCH to the time the build starts, then runs the build', async () => {
    const before = Math.floor(Date.now() / 1000);
    const output = await hostBuild();
    const after = Math.ceil(Date.now() / 1000);
    const match = /^npm run build SOURCE_DATE_EPOCH=(\d+)$/.exec(output);
    expect(match, output).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(before);
    expect(Number(match?.[1])).toBeLessThanOrEqual(after);
  });

  it('keeps a clock that is already set (a rebuild of a given moment)', async () => {
    expect(await hostBuild({ SOURCE_DATE_EPOCH: '1569398400' })).toBe('npm run build SOURCE_DATE_EPOCH=1569398400');
  });

  it('is what netlify.toml runs, publishing dist/ with Node 24', async () => {
    const toml = await readFile(path.join(PROJECT_ROOT, 'netlify.toml'), 'utf8');
    expect(toml).toMatch(/^\[build\]\n(?:\s+.*\n)*?\s+command = "npm run build:host"$/m);
    expect(toml).toMatch(/^\s+publish = "dist"$/m);
    expect(toml).toMatch(/^\[build\.environment\]\n\s+NODE_VERSION = "24"$/m);
  });
});
