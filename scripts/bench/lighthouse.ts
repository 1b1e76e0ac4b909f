/**
 * Lighthouse's mobile performance figures for a page of a built site (issue 20: the search page
 * with a query). The site is served by the tests' static server with gzip on text, as Netlify and
 * Cloudflare Pages send it; Lighthouse runs its default mobile profile (simulated slow 4G, 4× CPU
 * slow-down, Moto G Power screen) in Debian's Chromium, one fresh Chromium per run.
 *
 * Run alone: `node scripts/bench/lighthouse.ts <dist> [path] [runs]` prints each run, the medians
 * and the network waterfall of the last run.
 */
import { fileURLToPath } from 'node:url';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../tests/support/browser.ts';
import { serveSite } from '../../tests/support/static-server.ts';

/** The page the bench measures: a search that a shared link or the header's form opens. */
export const LIGHTHOUSE_PATH = 'sok/?q=sugardating';

export const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];

export interface LighthouseRun {
  /** Performance score, 0–100. */
  score: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /**
   * Lighthouse's measure of how fast this machine ran a fixed piece of JavaScript just before the
   * run: the 4× CPU slow-down assumes a quiet desktop (about 1,000 or more); a busy machine scores lower.
   */
  benchmarkIndex: number;
  /** Requests in the order they started, with Lighthouse's observed (unthrottled) timings. */
  requests: { url: string; startMs: number; endMs: number; transferBytes: number }[];
}

export interface LighthouseReport {
  path: string;
  /** Lighthouse's own version, as its report gives it. */
  version: string;
  runs: LighthouseRun[];
  median: Omit<LighthouseRun, 'requests'>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs Lighthouse `runs` times on `urlPath` (relative to the site root) of the built site in `dist`. */
export async function lighthouseFigures(dist: string, urlPath = LIGHTHOUSE_PATH, runs = 3): Promise<LighthouseReport> {
  const server = await serveSite(dist, '/', 'cloudflare', { compress: true });
  const results: LighthouseRun[] = [];
  let version = '';
  try {
    for (let run = 0; run < runs; run++) {
      const chrome = await launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
      try {
        const result = await lighthouse(`${server.url}${urlPath}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        });
        if (!result) throw new Error('Lighthouse returned no result');
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        version = lhr.lighthouseVersion;
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
        const network = lhr.audits['network-requests']?.details as { items?: Record<string, unknown>[] } | undefined;
        results.push({
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          lcpMs: audit('largest-contentful-paint'),
          tbtMs: audit('total-blocking-time'),
          cls: audit('cumulative-layout-shift'),
          fcpMs: audit('first-contentful-paint'),
          benchmarkIndex: lhr.environment.benchmarkIndex,
          requests: (network?.items ?? []).map((item) => ({
            url: String(item.url),
            startMs: Number(item.networkRequestTime),
            endMs: Number(item.networkEndTime),
            transferBytes: Number(item.transferSize),
          })),
        });
      } finally {
        chrome.kill();
      }
    }
  } finally {
    await server.close();
  }
  const pick = (key: Exclude<keyof LighthouseRun, 'requests'>) => median(results.map((run) => run[key]));
  return {
    path: `/${urlPath}`,
    version,
    runs: results,
    median: {
      score: pick('score'),
      lcpMs: pick('lcpMs'),
      tbtMs: pick('tbtMs'),
      cls: pick('cls'),
      fcpMs: pick('fcpMs'),
      benchmarkIndex: pick('benchmarkIndex'),
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist, urlPath = LIGHTHOUSE_PATH, runs = '3'] = process.argv.slice(2);
  if (!dist) {
    console.error('usage: node scripts/bench/lighthouse.ts <dist> [path] [runs]');
    process.exit(2);
  }
  const report = await lighthouseFigures(dist, urlPath, Number(runs));
  for (const run of report.runs) {
    console.log(`score ${run.score}  LCP ${Math.round(run.lcpMs)} ms  TBT ${Math.round(run.tbtMs)} ms  CLS ${run.cls.toFixed(3)}  FCP ${Math.round(run.fcpMs)} ms  benchmarkIndex ${Math.round(run.benchmarkIndex)}`);
  }
  const m = report.median;
  console.log(`median: score ${m.score}  LCP ${Math.round(m.lcpMs)} ms  TBT ${Math.round(m.tbtMs)} ms  CLS ${m.cls.toFixed(3)}`);
  console.log('requests of the last run (observed, unthrottled):');
  for (const request of report.runs.at(-1)?.requests ?? []) {
    console.log(`  ${request.startMs.toFixed(0).padStart(6)}–${request.endMs.toFixed(0).padStart(6)} ms ${String(request.transferBytes).padStart(7)} B  ${request.url.replace(/^https?:\/\/[^/]+/, '')}`);
  }
}
