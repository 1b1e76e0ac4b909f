import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { gunzipSync } from 'node:zlib';
import { withPagefindHints, type PagefindEntry } from '../content/search.ts';
import { indexChunks } from '../formats/pagefind-meta.ts';

/** Where progress and problems go: the console from scripts/search-index.ts. */
export interface IndexLogger {
  info(message: string): void;
  error(message: string): void;
}

/** Folder of the search bundle inside the output; the search page imports `<base>pagefind/pagefind.js`. */
export const PAGEFIND_FOLDER = 'pagefind';

/**
 * Files Pagefind always writes but this site never loads, removed so no unused JavaScript ships:
 * the UI bundles (the search page has its own interface over pagefind.js), the web worker (the
 * search page sets `noWorker`, saving 42 KiB on the first search; searching a few thousand pages
 * on the main thread takes milliseconds), and `wasm.unknown` (every page is indexed as Swedish).
 */
const UNUSED_FILES = [
  'pagefind-worker.js',
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'wasm.unknown.pagefind',
];

/**
 * Runs Pagefind over the built site in `site` and writes the bundle to `site/pagefind/`; throws on
 * any reported error. Only `data-pagefind-body` (the `<main>` of searchable pages) is indexed. URLs
 * in the index are relative to the output folder; the search page adds the base path in the browser.
 */
export async function buildSearchIndex(site: string, logger: IndexLogger): Promise<void> {
  const outputPath = path.join(site, PAGEFIND_FOLDER);
  const started = performance.now();
  try {
    // Pages are lang="sv"; forcing it keeps Swedish stemming even if a page ever loses its lang.
    const created = await pagefind.createIndex({ forceLanguage: 'sv' });
    const { index } = check(created, 'createIndex', logger);
    if (!index) throw new Error('Pagefind gav inget index.');
    const added = check(await index.addDirectory({ path: site }), 'addDirectory', logger);
    if (added.page_count === 0) throw new Error(`Pagefind hittade inga sidor att indexera i ${site}.`);
    check(await index.writeFiles({ outputPath }), 'writeFiles', logger);
    await Promise.all(UNUSED_FILES.map((file) => rm(path.join(outputPath, file), { force: true })));
    const entry = JSON.parse(await readFile(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as PagefindEntry & {
      languages: Record<string, { page_count: number }>;
    };
    await writeSearchPageHints(site, entry);
    const { files, bytes } = await folderSize(outputPath);
    const indexed = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    logger.info(
      `${indexed} av ${added.page_count} sidor i sökindexet efter ${seconds} s: ${files} filer, ${(bytes / 1024).toFixed(1)} KiB.`,
    );
  } finally {
    await pagefind.close();
  }
}

/** Pagefind reports problems in an `errors` array rather than by throwing. */
function check<T extends { errors: string[] }>(response: T, step: string, logger: IndexLogger): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`${step}: ${error}`);
    throw new Error(`Sökindexet kunde inte byggas (Pagefind ${step} rapporterade fel).`);
  }
  return response;
}

/** The search page, whose script preloads Pagefind's files by the names written here (src/lib/content/search.ts). */
export const SEARCH_PAGE = path.join('sok', 'index.html');

/** Writes the index's hashed file names onto the search page, the one page that loads Pagefind. */
async function writeSearchPageHints(site: string, entry: PagefindEntry): Promise<void> {
  const file = path.join(site, SEARCH_PAGE);
  const html = await readFile(file, 'utf8');
  const withHints = withPagefindHints(html, entry);
  // The page reads the index chunks' word ranges from each meta file in the browser: a format it
  // cannot read stops the build here rather than quietly costing every search a round trip.
  for (const { hash } of Object.values(entry.languages)) {
    indexChunks(gunzipSync(await readFile(path.join(site, PAGEFIND_FOLDER, `pagefind.${hash}.pf_meta`))));
  }
  await writeFile(file, withHints);
}

async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}
