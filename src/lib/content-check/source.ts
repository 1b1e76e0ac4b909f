import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspectPicture, isPictureFolderFile, PICTURE_FOLDER, PICTURE_HEAD_BYTES, type PictureFile } from './pictures.ts';
import type { SourceFile } from './types.ts';

/**
 * The content folder's layout, mirroring the loaders in src/content.config.ts: keep the two in step.
 * Paths are relative to the content folder.
 */
export const CONTENT_LAYOUT = {
  programme: 'program.yaml',
  /** Folders with one `<id>.yaml` file per entry. */
  speakers: 'talare',
  contacts: 'kontakter',
  organisations: 'organisationer',
  releases: 'pressmeddelanden',
  pages: 'sidor',
  /** Pages the site must have: the accessibility statement, which the law requires. */
  requiredPages: ['sidor/tillganglighet.md'],
  /**
   * First path segments the site's other routes and files use (src/pages/, Pagefind's folder): a page
   * in sidor/ becomes /<file name>/, so these names are taken. tests/unit/content-check.test.ts
   * compares the list with src/pages/.
   */
  reservedPageNames: ['404', 'build', 'delningsbild', 'kalender', 'kontakt', 'pagefind', 'pressmeddelanden', 'program', 'robots', 'rss', 'sok', 'talare'],
} as const;

/** The folders with one YAML file per entry, named by the entry's id. */
export type EntityKind = 'speakers' | 'contacts' | 'organisations';
export const ENTITY_KINDS: readonly EntityKind[] = ['speakers', 'contacts', 'organisations'];

/** Everything the check reads, already in memory, so the checks themselves stay pure. */
export interface ContentFolder {
  /** Files by name relative to the content folder ("pressmeddelanden/x.md"). */
  files: Map<string, SourceFile>;
  /** Release files the loader picks up (`**\/[^_]*.{md,mdx}`), sorted. */
  releases: string[];
  /** Page files the loader picks up (`*.{md,mdx}`), sorted. */
  pages: string[];
  /** Entry files of the folders holding one `<id>.yaml` per entry, sorted. */
  entities: Record<EntityKind, string[]>;
  /** Files in the releases folder the loader silently skips because of their extension. */
  ignoredReleaseFiles: string[];
  /** Files in an entity folder the loader silently skips because of their extension. */
  ignoredEntityFiles: string[];
  /** Files in the bilder/ folders of releases, speakers, contacts and organisations, by name. */
  pictures: Map<string, PictureFile>;
  /** The content folder as shown in messages ("content"). */
  displayDir: string;
  /** Paths that exist but cannot be read (a folder where a file belongs, no permission), with the reason. */
  unreadable?: { name: string; display: string; code: string }[];
}

/** Reads the content folder. `displayRoot` is what paths in messages are relative to (the repository). */
export async function readContentFolder(dir: string, displayRoot: string = process.cwd()): Promise<ContentFolder> {
  const root = path.resolve(dir);
  const display = (name: string) => displayPath(path.join(root, name), displayRoot);
  const files = new Map<string, SourceFile>();
  const unreadable: NonNullable<ContentFolder['unreadable']> = [];
  // A path the check cannot read becomes a problem naming the file (checkContent reports it), not a stack trace.
  const cannotRead = (name: string, error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    unreadable.push({ name, display: display(name), code: code ?? String(error) });
    return undefined;
  };
  const read = async (name: string): Promise<SourceFile | undefined> => {
    try {
      const text = (await readFile(path.join(root, name), 'utf8')).replace(/^\uFEFF/, '');
      return { name, display: display(name), text };
    } catch (error) {
      return cannotRead(name, error);
    }
  };
  const list = async (folder: string, recursive: boolean) => {
    try {
      return await listFiles(path.join(root, folder), recursive);
    } catch (error) {
      cannotRead(folder, error);
      return [];
    }
  };
  // Read in parallel (one at a time left the process idle for a third of the check with thousands
  // of releases), then added in a fixed order so reports do not depend on which read ended first.
  const addAll = async (names: readonly string[]) => {
    const sources = await mapLimited(names, READ_CONCURRENCY, read);
    for (const source of sources) if (source) files.set(source.name, source);
  };
  await addAll([CONTENT_LAYOUT.programme]);

  const pictureNames: string[] = [];
  const entities = { speakers: [], contacts: [], organisations: [] } as Record<EntityKind, string[]>;
  const ignoredEntityFiles: string[] = [];
  for (const kind of ENTITY_KINDS) {
    for (const relative of await list(CONTENT_LAYOUT[kind], false)) {
      const name = `${CONTENT_LAYOUT[kind]}/${relative}`;
      if (relative.startsWith('_') || relative.startsWith('.')) continue;
      if (relative.endsWith('.yaml')) entities[kind].push(name);
      else ignoredEntityFiles.push(name);
    }
    const pictureDir = `${CONTENT_LAYOUT[kind]}/${PICTURE_FOLDER}`;
    for (const relative of await listFiles(path.join(root, pictureDir), true)) pictureNames.push(`${pictureDir}/${relative}`);
  }

  const releaseEntries = await list(CONTENT_LAYOUT.releases, true);
  const releases: string[] = [];
  const ignoredReleaseFiles: string[] = [];
  for (const relative of releaseEntries) {
    const name = `${CONTENT_LAYOUT.releases}/${relative}`;
    const base = path.posix.basename(relative);
    if (base.startsWith('_') || base.startsWith('.')) continue;
    // Pictures live in bilder/ folders; they are checked where a release or speaker uses them.
    if (isPictureFolderFile(relative)) {
      if (!base.startsWith('.')) pictureNames.push(name);
      continue;
    }
    if (/\.mdx?$/.test(base)) releases.push(name);
    else ignoredReleaseFiles.push(name);
  }
  const pages = (await list(CONTENT_LAYOUT.pages, false))
    .filter((relative) => /\.mdx?$/.test(relative))
    .map((relative) => `${CONTENT_LAYOUT.pages}/${relative}`);
  await addAll([...ENTITY_KINDS.flatMap((kind) => entities[kind]), ...releases, ...pages]);
  for (const name of [...ignoredReleaseFiles, ...ignoredEntityFiles]) files.set(name, { name, display: display(name), text: '' });

  const pictures = new Map<string, PictureFile>();
  const pictureFiles = await mapLimited(pictureNames.sort(), READ_CONCURRENCY, async (name) => ({
    name,
    display: display(name),
    facts: inspectPicture(...(await readHead(path.join(root, name)))),
  }));
  for (const picture of pictureFiles) pictures.set(picture.name, picture);

  return {
    files,
    releases,
    pages,
    entities,
    ignoredReleaseFiles,
    ignoredEntityFiles,
    pictures,
    displayDir: displayPath(root, displayRoot),
    unreadable: unreadable.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Files read at once: enough to keep the disk busy, few enough to stay clear of the open-files limit. */
const READ_CONCURRENCY = 32;

/** `map` over `items` with at most `limit` calls running at a time; results in input order. */
async function mapLimited<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A path relative to `root` when inside it ("content/program.yaml"), otherwise absolute. */
export function displayPath(file: string, root: string): string {
  const relative = path.relative(root, file);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return file.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

/** The first bytes of a file (all of it when small) and its size: a picture's header, not its pixels. */
async function readHead(file: string): Promise<[Uint8Array, number]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, PICTURE_HEAD_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return [buffer.subarray(0, bytesRead), size];
  } finally {
    await handle.close();
  }
}

async function listFiles(dir: string, recursive: boolean): Promise<string[]> {
  try {
    const entries = await readdir(dir, { recursive, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A Markdown file split into its YAML frontmatter and body, with line offsets into the file. */
export interface SplitMarkdown {
  /** Undefined when the file does not start with a line holding only ---. */
  frontmatter?: { text: string; lineOffset: number };
  /** Set when the opening --- has no closing ---. */
  unclosed: boolean;
  body: string;
  /** Number of lines before the body starts. */
  bodyLineOffset: number;
}

/** Splits "---\nyaml\n---\nbody" the way Astro's Markdown loader does. */
export function splitFrontmatter(text: string): SplitMarkdown {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return { unclosed: false, body: text, bodyLineOffset: 0 };
  const close = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  if (close === -1) return { unclosed: true, body: '', bodyLineOffset: lines.length };
  return {
    frontmatter: { text: lines.slice(1, close).join('\n'), lineOffset: 1 },
    unclosed: false,
    body: lines.slice(close + 1).join('\n'),
    bodyLineOffset: close + 1,
  };
}

/** Display path of a file that may not exist, next to the files that do. */
export function missingDisplay(folder: ContentFolder, name: string): string {
  return folder.files.get(name)?.display ?? `${folder.displayDir}/${name}`;
}
