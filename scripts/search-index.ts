/**
 * Second half of `npm run build`: the Pagefind index over the site `astro build` just wrote.
 * It runs in its own process, after Astro has exited, so the two never hold their memory at the
 * same time (measured: peak memory 1.24× → 1.04× bare Astro at 1,000 releases; docs/benchmarks.md).
 */
import path from 'node:path';
import { buildSearchIndex, type IndexLogger } from '../src/lib/publishing/search-index.ts';
import { siteSettings } from '../src/lib/core/settings.ts';

const logger: IndexLogger = {
  info: (message) => console.log(`[pagefind] ${message}`),
  error: (message) => console.error(`[pagefind] ${message}`),
};

try {
  await buildSearchIndex(path.resolve(siteSettings(process.env).outDir), logger);
} catch (error) {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
