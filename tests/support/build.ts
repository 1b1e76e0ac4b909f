import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where test builds go: inside node_modules so it is never committed; TEST_BUILD_ROOT moves it. */
export const BUILD_ROOT = process.env.TEST_BUILD_ROOT ?? path.join(PROJECT_ROOT, 'node_modules', '.cache', 'konferens-tests');

/** Pinned clock for test builds: 2026-01-01T00:00:00Z, well after the conference. */
export const TEST_EPOCH = '1767225600';

/** Content of the `pictures` build: the seed plus tests/fixtures/pictures and tests/fixtures/addresses, laid out by the global setup. */
export const PICTURES_CONTENT = path.join(BUILD_ROOT, 'pictures-src', 'content');

/** The builds the suites share, made once by the global setup. */
export const SHARED_BUILDS = {
  default: { BASE_PATH: '/', SITE_URL: 'https://konferens.example.se', TZ: 'UTC' },
  base: { BASE_PATH: '/konferens/', SITE_URL: 'https://example.github.io', TZ: 'UTC' },
  // A release with a press picture and a speaker with a photo, and releases that move, share or
  // give up addresses (tests/fixtures/addresses), under a base path.
  pictures: { BASE_PATH: '/konferens/', SITE_URL: 'https://example.github.io', TZ: 'UTC', CONTENT_DIR: PICTURES_CONTENT },
} as const;

export type SharedBuild = keyof typeof SHARED_BUILDS;

/** Output folder of a shared build. */
export function builtSite(name: SharedBuild): string {
  return path.join(BUILD_ROOT, name, 'dist');
}

export interface BuildResult {
  outDir: string;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `npm run build` into its own output and cache folders, so builds can run
 * side by side and never touch the developer's dist/.
 */
export async function buildInto(
  name: string,
  /** Added to the environment; `undefined` removes a variable (SOURCE_DATE_EPOCH, pinned by default). */
  env: Record<string, string | undefined> = {},
  /** `cacheDir`: a cache folder outside the work folder, kept between builds (warm-build tests). */
  { cacheDir }: { cacheDir?: string } = {},
): Promise<BuildResult> {
  const workDir = path.join(BUILD_ROOT, name);
  const outDir = path.join(workDir, 'dist');
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  const release = await lockProject();
  const { stdout, stderr } = await run('npm', ['run', 'build', '--silent'], {
    cwd: PROJECT_ROOT,
    env: {
      ...cleanEnvironment(),
      SOURCE_DATE_EPOCH: TEST_EPOCH,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...env,
      ASTRO_OUT_DIR: outDir,
      ASTRO_CACHE_DIR: cacheDir ?? path.join(workDir, 'cache'),
    },
    maxBuffer: 64 * 1024 * 1024,
  }).finally(release);
  return { outDir, stdout, stderr };
}

/**
 * Astro writes content-assets.mjs, content-modules.mjs, the content types and the dev data store
 * into the project's own `.astro/` folder, whatever the output and cache folders. Two builds of
 * different content at once could read each other's files (seen once as a failed rename), so every
 * build and dev server the suites start takes this lock first: an `mkdir`, atomic across the
 * Vitest workers. A lock left by a process that no longer runs is taken over.
 * Returns the function that releases it.
 */
export async function lockProject(): Promise<() => Promise<void>> {
  const lock = path.join(BUILD_ROOT, '.project-lock');
  await mkdir(BUILD_ROOT, { recursive: true });
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      return () => rm(lock, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => ''));
      if (owner > 0 && !isRunning(owner)) await rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The environment without what Vitest puts into process.env (NODE_ENV=test, BASE_URL, MODE, ...):
 * a child `astro build` would otherwise take BASE_URL=/ over the configured base path. Also without
 * what CI and hosts set (the commit, annotations, the step summary), so a test build in a workflow
 * gives the same files as here and writes nothing to the run's summary.
 */
export function cleanEnvironment(): Record<string, string | undefined> {
  const env = { ...process.env };
  for (const key of ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX', 'SITE']) delete env[key];
  for (const key of ['GITHUB_ACTIONS', 'GITHUB_SHA', 'GITHUB_STEP_SUMMARY', 'GITHUB_OUTPUT', 'COMMIT_REF', 'CF_PAGES_COMMIT_SHA']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST') || key.startsWith('__VITEST')) delete env[key];
  return env;
}
