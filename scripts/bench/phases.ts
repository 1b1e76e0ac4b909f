/**
 * Where the time of one `astro build` goes, read from when its log lines arrived: start-up and
 * content sync, bundling, rendering the pages, and what runs after (integrations' build:done hooks,
 * such as the sitemap and the search index, and process exit).
 */
import { plain, type LogLine } from './measure.ts';

export interface Phases {
  /** Start to "[content] Synced content": npm, Astro start-up, loading and parsing all entries. */
  syncMs: number;
  /** Sync to "generating static routes": types, Vite bundling. */
  bundleMs: number;
  /** Rendering every page to HTML. */
  renderMs: number;
  /** After rendering: build:done hooks (sitemap, search index, …) and exit. */
  afterMs: number;
}

export const PHASE_LABELS: Record<keyof Phases, string> = {
  syncMs: 'start-up + content sync',
  bundleMs: 'types + Vite bundle',
  renderMs: 'render pages',
  afterMs: 'build:done hooks + exit',
};

export function phasesOf(lines: LogLine[], wallMs: number): Phases | undefined {
  const texts = lines.map((line) => ({ ms: line.ms, text: plain(line.text) }));
  const at = (pattern: RegExp, from = 0) => texts.find((line) => line.ms >= from && pattern.test(line.text))?.ms;
  const synced = at(/\[content\] Synced content/);
  const routes = at(/generating static routes/);
  if (synced === undefined || routes === undefined) return undefined;
  const rendered = at(/✓ Completed in/, routes) ?? routes;
  return { syncMs: synced, bundleMs: routes - synced, renderMs: rendered - routes, afterMs: wallMs - rendered };
}

/** The search-index time scripts/search-index.ts logs ("[pagefind] … efter 1.23 s …"). */
export function loggedIndexMs(lines: LogLine[]): number | undefined {
  for (const line of lines) {
    const match = /\[pagefind\].*?([\d.]+)\s*s\b/.exec(plain(line.text));
    if (match) return Number(match[1]) * 1000;
  }
  return undefined;
}
