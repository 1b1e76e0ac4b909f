import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** Every file under `dir` whose name ends with `extension`, as paths relative to `dir`, sorted. */
export async function listFiles(dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** A built page parsed with cheerio; `route` is a file path ("program/index.html"). */
export async function loadHtml(dist: string, route: string): Promise<CheerioAPI> {
  return load(await readFile(path.join(dist, route), 'utf8'));
}

/** Visible text of a selection with whitespace collapsed, for comparing running text. */
export function text($: CheerioAPI, selector: string): string {
  return $(selector).text().replace(/\s+/g, ' ').trim();
}

/** Parsed JSON-LD blocks of a page. */
export function jsonLd($: CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .toArray()
    .map((element) => JSON.parse($(element).text()) as Record<string, unknown>);
}
