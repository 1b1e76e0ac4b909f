/**
 * Temporary build folders for the benchmark: a copy of the project (our build) and the bare Astro
 * site, each with a node_modules folder of symlinks to the project's installed packages.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What `npm run build` reads; the rest of the repository (tests, docs) plays no part in it. */
export const PROJECT_PATHS = [
  'src',
  'content',
  'public',
  'scripts',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
];

/** Where a build keeps its output and caches inside its folder; all of it is deleted before every cold build. */
export const BUILD_STATE = [
  'dist',
  '.cache',
  '.astro',
  'node_modules/.vite',
  'node_modules/.vite-temp',
  'node_modules/.astro',
];

/**
 * node_modules as a real folder of per-package symlinks rather than one symlink to the project's:
 * Vite writes its dependency cache to `<root>/node_modules/.vite`, which must stay private to the
 * benchmark (cold every time, and never shared with a developer's or another build's cache).
 */
export async function linkNodeModules(dir: string, source: string): Promise<void> {
  const target = path.join(dir, 'node_modules');
  await mkdir(target, { recursive: true });
  for (const entry of await readdir(source)) {
    if (entry.startsWith('.') && entry !== '.bin') continue;
    await symlink(path.join(source, entry), path.join(target, entry));
  }
}

/**
 * Copies the parts of the project a build reads into `dir`: from the working tree, or with
 * `committed` from HEAD (git archive), so uncommitted work in a shared tree is left out.
 */
export async function copyProject(projectRoot: string, dir: string, committed: boolean): Promise<void> {
  await mkdir(dir, { recursive: true });
  const present = PROJECT_PATHS.filter((entry) => existsSync(path.join(projectRoot, entry)));
  if (committed) {
    const archive = path.join(path.dirname(dir), `${path.basename(dir)}.tar`);
    await run('git', ['archive', '--format=tar', '-o', archive, 'HEAD', '--', ...present], { cwd: projectRoot });
    await run('tar', ['-xf', archive, '-C', dir]);
    await rm(archive);
  } else {
    for (const entry of present) {
      await cp(path.join(projectRoot, entry), path.join(dir, entry), { recursive: true });
    }
  }
  // The benchmark's own scripts are no part of the site.
  await rm(path.join(dir, 'scripts', 'bench'), { recursive: true, force: true });
}

/** Deletes output and every cache, so the next build is cold. */
export async function clearBuildState(dir: string): Promise<void> {
  await Promise.all(BUILD_STATE.map((entry) => rm(path.join(dir, entry), { recursive: true, force: true })));
}

/** Commit of HEAD and whether the working tree differs from it in the paths a build reads. */
export async function gitState(projectRoot: string): Promise<{ commit: string; dirty: boolean }> {
  const commit = (await run('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: projectRoot })).stdout.trim();
  const present = PROJECT_PATHS.filter((entry) => existsSync(path.join(projectRoot, entry)));
  const status = (
    await run('git', ['status', '--porcelain', '--', ...present, ':(exclude)scripts/bench'], { cwd: projectRoot })
  ).stdout.trim();
  return { commit, dirty: status !== '' };
}
