import { readdir } from 'node:fs/promises';
import path from 'node:path';

export interface BuiltPage {
  /** File inside dist, e.g. "program/index.html". */
  file: string;
  /** URL path below the base, e.g. "program/" ("" for the home page, "404.html" for the 404 page). */
  route: string;
}

/**
 * Every HTML page the build wrote, found by walking dist (never a fixed list), sorted by file.
 * The web editor (admin/) is no site page: tests/e2e/editor.test.ts and tests/build/editor.test.ts cover it.
 */
export async function builtPages(dist: string): Promise<BuiltPage[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dist, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('admin/'))
    .sort()
    .map((file) => ({ file, route: file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1') }));
}
