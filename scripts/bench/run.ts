/**
 * `npm run bench`: builds N generated releases with the real `npm run build` and, alternating with
 * it, the same Markdown with a bare Astro site, then checks the budgets of issue 7 and writes
 * docs/benchmarks.md.
 *
 *   npm run bench                       N = 1000 and 4000, 3 runs each
 *   npm run bench -- --n 1000 --runs 5  other sizes and run counts (--n may repeat or be "1000,4000")
 *   npm run bench -- --full             adds N = 10000
 *   npm run bench -- --profile          also: builds without each integration, and a --cpu-prof summary
 *   npm run bench -- --committed        build HEAD (git archive) instead of the working tree
 *   npm run bench -- --no-write         print only
 *   npm run bench -- --warm             instead: cold against warm (Astro's cache kept) with one release
 *                                       changed, N = 1000 and 4000, 2 runs each (scripts/bench/warm.ts)
 *   npm run bench -- --pictures         one release in ten with a press picture (both sites), written
 *                                       to its own section of docs/benchmarks.md
 */
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkSite, PAGE_BUDGET_BYTES, LIST_BUDGET, FEED_BUDGET, type SiteChecks } from './checks.ts';
import { bareSiteFiles, writeBareSite } from './bare-site.ts';
import { BENCH_PICTURE, COMMON_SEARCH_WORD, DEFAULT_SEED, generateReleases, PICTURE_EVERY, readReferenceIds, writeReleases } from './generate.ts';
import { measure, plain, type Measurement } from './measure.ts';
import { loggedIndexMs, PHASE_LABELS, phasesOf, type Phases } from './phases.ts';
import { profileBuild, type ProfileReport } from './profile.ts';
import { LIGHTHOUSE_PATH, lighthouseFigures, type LighthouseReport } from './lighthouse.ts';
import { measureFirstSearch, type SearchPayload } from './search-payload.ts';
import { clearBuildState, copyProject, gitState, linkNodeModules } from './workspace.ts';
import { benchWarm, clearAllButAstroCache, warmReport, type WarmResult } from './warm.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DOC_FILE = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
const START_MARK = '<!-- bench:start (written by npm run bench; edit outside these marks) -->';
const END_MARK = '<!-- bench:end -->';
const WARM_START_MARK = '<!-- bench-warm:start (written by npm run bench -- --warm; edit outside these marks) -->';
const WARM_END_MARK = '<!-- bench-warm:end -->';
const WARM_PICTURES_START_MARK = '<!-- bench-warm-pictures:start (written by npm run bench -- --warm --pictures; edit outside these marks) -->';
const WARM_PICTURES_END_MARK = '<!-- bench-warm-pictures:end -->';
/** Astro's cache folder inside a bench build's folder (ASTRO_CACHE_DIR), the one part a warm build keeps. */
const ASTRO_CACHE = '.cache';
const PICTURES_START_MARK =
  '<!-- bench-pictures:start (written by npm run bench -- --pictures; edit outside these marks) -->';
const PICTURES_END_MARK = '<!-- bench-pictures:end -->';
/** Pinned clock, as in the test builds: 2026-01-01T00:00:00Z. */
const EPOCH = '1767225600';
const SITE_URL = 'https://bench.example.se';

export const BUDGETS = {
  astroRatio: 1.3,
  wholeRatio: 1.3,
  memoryRatio: 1.1,
  /** First search in bytes at 1,000 releases and at 10,000 (and every size in between). */
  searchSmall: 150 * 1024,
  searchLarge: 250 * 1024,
  /** What an empty /sok/ loads besides its HTML and stylesheet, gzip: its script's 2,379 bytes before issue 20. */
  emptySearchPage: 2379,
  /** Lighthouse mobile on /sok/?q=sugardating: every run scores at least this for performance… */
  lighthouseScore: 95,
  /** …with Largest Contentful Paint at most this (ms) and layout shift at most this. */
  lighthouseLcpMs: 2000,
  lighthouseCls: 0.05,
} as const;

/** Lighthouse runs per size: the budget holds for every one, the table shows the median. */
const LIGHTHOUSE_RUNS = 3;

interface RunResult {
  ours: Measurement;
  bare: Measurement;
  pagefindAlone: Measurement;
  /** Search-index time inside our build: the integration's own log, else the Pagefind process lifetime. */
  indexMs: number;
  oursPhases?: Phases;
  barePhases?: Phases;
  /** The machine's 1-minute load average after the pair: how busy it was (2 cores: above 2 means waiting). */
  loadAfter: number;
}

interface SizeResult {
  n: number;
  runs: RunResult[];
  checks: SiteChecks;
  search?: SearchPayload;
  searchError?: string;
  lighthouse?: LighthouseReport;
  lighthouseError?: string;
  index: { files: number; bytes: number };
  bareIndex: { files: number; bytes: number };
  words: { min: number; max: number; mean: number };
  profile?: ProfileReport;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const x = (ratio: number) => `${ratio.toFixed(2)}×`;
const pass = (ok: boolean) => (ok ? 'pass' : '**FAIL**');
const cpu = (measurement: Measurement) => s(measurement.cpuMs);
const thousands = (n: number) => n.toLocaleString('en-GB');

async function folderSize(folder: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  if (!existsSync(folder)) return { files, bytes };
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

function buildEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // A bench started by `npm run` must not hand npm's own lifecycle settings to the child builds.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  return {
    ...env,
    SITE_URL,
    BASE_PATH: '/',
    SOURCE_DATE_EPOCH: EPOCH,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_OUT_DIR: path.join(dir, 'dist'),
    ASTRO_CACHE_DIR: path.join(dir, ASTRO_CACHE),
  };
}

async function buildOnce(
  label: string,
  dir: string,
  extraArgs: string[] = [],
  extraEnv: NodeJS.ProcessEnv = {},
  keepAstroCache = false,
): Promise<Measurement> {
  if (keepAstroCache) await clearAllButAstroCache(dir, ASTRO_CACHE);
  else await clearBuildState(dir);
  const args = ['run', 'build', ...(extraArgs.length > 0 ? ['--', ...extraArgs] : [])];
  const result = await measure('npm', args, { cwd: dir, env: { ...buildEnv(dir), ...extraEnv } });
  await writeFile(
    path.join(dir, `build-${label}.log`),
    result.lines.map((line) => `${(line.ms / 1000).toFixed(3)} ${plain(line.text)}`).join('\n'),
  );
  if (result.exitCode !== 0) {
    const tail = result.lines
      .slice(-40)
      .map((line) => plain(line.text))
      .join('\n');
    throw new Error(`${label}: npm run build failed (exit ${result.exitCode}) in ${dir}\n${tail}`);
  }
  return result;
}

async function prepare(n: number, workRoot: string, seed: number, committed: boolean, pictures: boolean) {
  const dir = path.join(workRoot, `n${n}`);
  const ours = path.join(dir, 'ours');
  const bare = path.join(dir, 'bare');
  await rm(dir, { recursive: true, force: true });
  await copyProject(PROJECT_ROOT, ours, committed);
  await linkNodeModules(ours, path.join(PROJECT_ROOT, 'node_modules'));
  const releases = generateReleases(n, await readReferenceIds(ours), seed, { pictures });
  const releaseDir = path.join(ours, 'content', 'pressmeddelanden');
  await writeReleases(releaseDir, releases);
  await writeBareSite(bare);
  await linkNodeModules(bare, path.join(PROJECT_ROOT, 'node_modules'));
  // The bare site gets exactly the Markdown (and pictures) our build reads, the project's own releases included.
  await cp(releaseDir, path.join(bare, 'content', 'pressmeddelanden'), {
    recursive: true,
    filter: (source) => !/\.mdx$/.test(source),
  });
  const words = releases.map((release) => release.words);
  return {
    dir,
    ours,
    bare,
    words: { min: Math.min(...words), max: Math.max(...words), mean: words.reduce((a, b) => a + b, 0) / words.length },
  };
}

async function benchSize(
  n: number,
  options: { runs: number; workRoot: string; seed: number; committed: boolean; profile: boolean; word: string; pictures: boolean },
): Promise<SizeResult> {
  const { ours, bare, words } = await prepare(n, options.workRoot, options.seed, options.committed, options.pictures);
  const runs: RunResult[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    const oursResult = await buildOnce(`ours-${run}`, ours);
    const bareResult = await buildOnce(`bare-${run}`, bare);
    const pagefindAlone = await measure(
      path.join(bare, 'node_modules', '.bin', 'pagefind'),
      ['--site', path.join(bare, 'dist')],
      {
        cwd: bare,
        env: buildEnv(bare),
      },
    );
    if (pagefindAlone.exitCode !== 0)
      throw new Error(`pagefind on the bare site failed:\n${pagefindAlone.lines.map((l) => l.text).join('\n')}`);
    const window = oursResult.pagefindWindow;
    const indexMs = loggedIndexMs(oursResult.lines) ?? (window ? window.endMs - window.startMs : 0);
    runs.push({
      ours: oursResult,
      bare: bareResult,
      pagefindAlone,
      indexMs,
      oursPhases: phasesOf(oursResult.lines, oursResult.wallMs),
      barePhases: phasesOf(bareResult.lines, bareResult.wallMs),
      loadAfter: os.loadavg()[0] ?? 0,
    });
    console.log(
      `  N=${n} run ${run}/${options.runs}: ours ${s(oursResult.wallMs)} (index ${s(indexMs)}, ${mib(oursResult.peakTreeBytes)}), ` +
        `bare ${s(bareResult.wallMs)} (${mib(bareResult.peakTreeBytes)}), pagefind alone ${s(pagefindAlone.wallMs)}`,
    );
  }

  const dist = path.join(ours, 'dist');
  const checks = await checkSite(dist);
  const index = await folderSize(path.join(dist, 'pagefind'));
  const bareIndex = await folderSize(path.join(bare, 'dist', 'pagefind'));
  let search: SearchPayload | undefined;
  let searchError: string | undefined;
  try {
    search = await measureFirstSearch(dist, options.word);
  } catch (error) {
    searchError = error instanceof Error ? error.message : String(error);
    console.warn(`  first search not measured: ${searchError}`);
  }
  let lighthouse: LighthouseReport | undefined;
  let lighthouseError: string | undefined;
  try {
    lighthouse = await lighthouseFigures(dist, LIGHTHOUSE_PATH, LIGHTHOUSE_RUNS);
    const m = lighthouse.median;
    console.log(`  Lighthouse ${lighthouse.path}: score ${lighthouse.runs.map((run) => run.score).join(', ')}; median LCP ${(m.lcpMs / 1000).toFixed(2)} s, TBT ${m.tbtMs.toFixed(0)} ms, CLS ${m.cls.toFixed(3)}`);
  } catch (error) {
    lighthouseError = error instanceof Error ? error.message : String(error);
    console.warn(`  Lighthouse not measured: ${lighthouseError}`);
  }
  const profile = options.profile
    ? await profileBuild(ours, (label, extraArgs, extraEnv) => buildOnce(label, ours, extraArgs, extraEnv))
    : undefined;
  return { n, runs, checks, search, searchError, lighthouse, lighthouseError, index, bareIndex, words, profile };
}

interface Summary {
  n: number;
  ours: number;
  bare: number;
  pagefindAlone: number;
  index: number;
  astroPart: number;
  astroRatio: number;
  wholeRatio: number;
  oursMemory: number;
  bareMemory: number;
  memoryRatio: number;
  oursProcess: number;
  bareProcess: number;
  processRatio: number;
  /** CPU time (user + system) of the whole process tree, ms. */
  oursCpu: number;
  bareCpu: number;
  pagefindAloneCpu: number;
  cpuWholeRatio: number;
  cpuAstroRatio: number;
}

function summarise(result: SizeResult): Summary {
  const m = (pick: (run: RunResult) => number) => median(result.runs.map(pick));
  return {
    n: result.n,
    ours: m((r) => r.ours.wallMs),
    bare: m((r) => r.bare.wallMs),
    pagefindAlone: m((r) => r.pagefindAlone.wallMs),
    index: m((r) => r.indexMs),
    astroPart: m((r) => r.ours.wallMs - r.indexMs),
    // Ratios are taken per pair of neighbouring builds, then the median: drift on a noisy machine cancels out.
    astroRatio: m((r) => (r.ours.wallMs - r.indexMs) / r.bare.wallMs),
    wholeRatio: m((r) => r.ours.wallMs / (r.bare.wallMs + r.pagefindAlone.wallMs)),
    oursMemory: m((r) => r.ours.peakTreeBytes),
    bareMemory: m((r) => r.bare.peakTreeBytes),
    memoryRatio: m((r) => r.ours.peakTreeBytes / r.bare.peakTreeBytes),
    oursProcess: m((r) => r.ours.peakProcessBytes),
    bareProcess: m((r) => r.bare.peakProcessBytes),
    processRatio: m((r) => r.ours.peakProcessBytes / r.bare.peakProcessBytes),
    oursCpu: m((r) => r.ours.cpuMs),
    bareCpu: m((r) => r.bare.cpuMs),
    pagefindAloneCpu: m((r) => r.pagefindAlone.cpuMs),
    cpuWholeRatio: m((r) => r.ours.cpuMs / (r.bare.cpuMs + r.pagefindAlone.cpuMs)),
    cpuAstroRatio: m((r) => (r.ours.cpuMs - r.ours.pagefindCpuMs) / r.bare.cpuMs),
  };
}

/** The Lighthouse budget holds for every run, not only the median. */
const lighthouseMet = (report: LighthouseReport) =>
  report.runs.every(
    (run) => run.score >= BUDGETS.lighthouseScore && run.lcpMs <= BUDGETS.lighthouseLcpMs && run.cls <= BUDGETS.lighthouseCls,
  );

const searchBudget = (n: number) => (n <= 1000 ? BUDGETS.searchSmall : BUDGETS.searchLarge);

function report(
  results: SizeResult[],
  meta: { runs: number; seed: number; machine: string[]; sourceNote: string },
): string {
  const summaries = results.map(summarise);
  const out: string[] = [];
  out.push(
    `Measured ${meta.machine.find((line) => line.startsWith('- Date'))?.slice(8) ?? ''}; ${meta.sourceNote}.`,
    '',
  );
  out.push('### Machine', '', ...meta.machine, '');

  out.push('### Build time and memory (medians of cold builds)', '');
  out.push(
    '| Releases | Our `npm run build` | ms / release | of which search index | Astro part | Bare Astro | Pagefind alone on bare | Our peak memory | Bare peak memory |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const sum of summaries) {
    out.push(
      `| ${thousands(sum.n)} | ${s(sum.ours)} | ${(sum.ours / sum.n).toFixed(1)} | ${s(sum.index)} | ${s(sum.astroPart)} | ${s(sum.bare)} | ${s(sum.pagefindAlone)} | ${mib(sum.oursMemory)} | ${mib(sum.bareMemory)} |`,
    );
  }
  out.push(
    '',
    `Runs per size: ${meta.runs}, alternating ours/bare (then Pagefind alone on the bare output), every build cold (output, Astro and Vite caches deleted). ` +
      'Peak memory is the largest sum of resident memory over the whole process tree (npm, node, Pagefind), sampled every 50 ms from /proc. ' +
      '"Astro part" is our build minus the search-index time the second build step (scripts/search-index.ts) logs. Ratios are medians of per-pair ratios, so they hold on a noisy machine.',
    '',
  );

  out.push('### Budgets', '');
  out.push(
    '| Budget | ' + summaries.map((sum) => thousands(sum.n)).join(' | ') + ' |',
    '|---|' + summaries.map(() => '---:|').join(''),
  );
  const row = (label: string, cell: (sum: Summary, result: SizeResult) => string) =>
    out.push(`| ${label} | ${summaries.map((sum, i) => cell(sum, results[i] as SizeResult)).join(' | ')} |`);
  row(
    `Astro part ≤ ${BUDGETS.astroRatio}× bare Astro`,
    (sum) => `${x(sum.astroRatio)} ${pass(sum.astroRatio <= BUDGETS.astroRatio)}`,
  );
  row(
    `Whole build ≤ ${BUDGETS.wholeRatio}× (bare Astro + Pagefind alone)`,
    (sum) => `${x(sum.wholeRatio)} ${pass(sum.wholeRatio <= BUDGETS.wholeRatio)}`,
  );
  row(
    `Peak memory (process tree) ≤ ${BUDGETS.memoryRatio}× bare`,
    (sum) => `${x(sum.memoryRatio)} ${pass(sum.memoryRatio <= BUDGETS.memoryRatio)}`,
  );
  row(
    'Peak memory, largest single process (GNU time), for reference',
    (sum) => `${mib(sum.oursProcess)} vs ${mib(sum.bareProcess)}: ${x(sum.processRatio)}`,
  );
  row('CPU time (user + sys), Astro part (without the Pagefind process) vs bare, for reference', (sum) =>
    x(sum.cpuAstroRatio),
  );
  row(
    'CPU time (user + sys), whole build vs (bare + Pagefind alone), for reference',
    (sum) => `${s(sum.oursCpu)} vs ${s(sum.bareCpu)} + ${s(sum.pagefindAloneCpu)}: ${x(sum.cpuWholeRatio)}`,
  );
  row('First search ≤ 150 KiB at 1,000 / ≤ 250 KiB up to 10,000', (sum, result) =>
    result.search
      ? `${kib(result.search.totalBytes)} ${pass(result.search.totalBytes <= searchBudget(sum.n))}`
      : `not measured: ${result.searchError ?? ''}`,
  );
  row(`Empty /sok/ loads ≤ ${thousands(BUDGETS.emptySearchPage)} B gzip besides HTML and CSS (its weight before issue 20)`, (_, result) =>
    result.search
      ? `${thousands(result.search.loadBytes)} B ${pass(result.search.loadBytes <= BUDGETS.emptySearchPage)}`
      : `not measured: ${result.searchError ?? ''}`,
  );
  row(
    `Longest list on any page ≤ ${LIST_BUDGET}`,
    (_, result) =>
      `${result.checks.longestList.items} (/${result.checks.longestList.route}) ${pass(result.checks.longestList.items <= LIST_BUDGET)}`,
  );
  row(
    `RSS items ≤ ${FEED_BUDGET}`,
    (_, result) =>
      `${result.checks.feedItems ?? 'no feed'} ${pass((result.checks.feedItems ?? 0) <= FEED_BUDGET && result.checks.feedItems !== undefined)}`,
  );
  row(
    `Every page HTML + CSS ≤ ${PAGE_BUDGET_BYTES / 1024} KiB gzip (max)`,
    (_, result) =>
      `${kib(result.checks.heaviest.total)} (/${result.checks.heaviest.route}) ${pass(result.checks.overBudget.length === 0)}`,
  );
  row(
    'No JavaScript outside /sok/ (pages with a script)',
    (_, result) => `${result.checks.pagesWithScript.length} ${pass(result.checks.pagesWithScript.length === 0)}`,
  );
  row(
    'Render-blocking requests per page ≤ 1 (the site\'s one stylesheet)',
    (_, result) => {
      const most = result.checks.mostRenderBlocking;
      return `${most.requests} (/${most.route}) ${pass(most.requests <= 1)}`;
    },
  );
  row(
    'Images without width/height',
    (_, result) => `${result.checks.imagesWithoutSize.length} ${pass(result.checks.imagesWithoutSize.length === 0)}`,
  );
  out.push('');

  out.push('### Output', '');
  out.push(
    '| Releases | Pages | List pages | Median page (HTML + CSS gzip) | Heaviest page | Stylesheets per page (max) | Search index | Index of bare site (Pagefind alone) | Words per release |',
    '|---:|---:|---:|---:|---|---:|---:|---:|---|',
  );
  for (const result of results) {
    const c = result.checks;
    out.push(
      `| ${thousands(result.n)} | ${thousands(c.pages)} | ${c.listPages} | ${kib(c.medianPageBytes)} | /${c.heaviest.route}: ${kib(c.heaviest.htmlGzip)} HTML + ${kib(c.heaviest.cssGzip)} CSS | ${c.maxStylesheets} | ${kib(result.index.bytes)} in ${thousands(result.index.files)} files | ${kib(result.bareIndex.bytes)} in ${thousands(result.bareIndex.files)} files | ${result.words.min}–${result.words.max} (mean ${result.words.mean.toFixed(0)}) |`,
    );
  }
  out.push('');

  if (results.some((result) => result.search)) {
    out.push(`### First search ("${results.find((r) => r.search)?.search?.word}", a word in most releases)`, '');
    const kinds = [...new Set(results.flatMap((result) => Object.keys(result.search?.byKind ?? {})))].sort();
    out.push(
      `| Releases | ${kinds.join(' | ')} | total | empty search page alone | results shown |`,
      `|---:|${kinds.map(() => '---:|').join('')}---:|---:|---:|`,
    );
    for (const result of results) {
      if (!result.search) continue;
      out.push(
        `| ${thousands(result.n)} | ${kinds.map((kind) => kib(result.search?.byKind[kind] ?? 0)).join(' | ')} | ${kib(result.search.totalBytes)} | ${kib(result.search.loadBytes)} | ${result.search.resultsShown} |`,
      );
    }
    out.push(
      '',
      "Counted as a compressing static host would send it: Pagefind's index files and wasm are gzip already and count as stored; JavaScript and JSON as gzip -6. " +
        'The HTML document and the stylesheet are not counted (they are in the page-weight budget).',
      '',
    );
  }

  if (results.some((result) => result.lighthouse || result.lighthouseError)) {
    out.push(`### The search page on a phone (Lighthouse mobile, \`/${LIGHTHOUSE_PATH}\`)`, '');
    out.push(
      '| Releases | Performance score (each run) | Median score | LCP | TBT | CLS | FCP | Machine speed (benchmarkIndex) | Budget (every run ≥ ' +
        `${BUDGETS.lighthouseScore}, LCP ≤ ${(BUDGETS.lighthouseLcpMs / 1000).toFixed(1)} s, CLS ≤ ${BUDGETS.lighthouseCls}) |`,
      '|---:|---|---:|---:|---:|---:|---:|---:|---|',
    );
    for (const result of results) {
      const lh = result.lighthouse;
      if (!lh) {
        out.push(`| ${thousands(result.n)} | not measured: ${result.lighthouseError ?? ''} | | | | | | | |`);
        continue;
      }
      const m = lh.median;
      out.push(
        `| ${thousands(result.n)} | ${lh.runs.map((run) => run.score).join(', ')} | ${m.score} | ${s(m.lcpMs)} | ${m.tbtMs.toFixed(0)} ms | ${m.cls.toFixed(3)} | ${s(m.fcpMs)} | ${m.benchmarkIndex.toFixed(0)} | ${pass(lighthouseMet(lh))} |`,
      );
    }
    out.push(
      '',
      `Lighthouse ${results.find((result) => result.lighthouse)?.lighthouse?.version ?? ''}, default mobile settings (simulated slow 4G: 150 ms round trip, 1.6 Mbit/s; 4× CPU slow-down), ` +
        `performance only, ${LIGHTHOUSE_RUNS} runs in a fresh headless Chromium each (scripts/bench/lighthouse.ts), on our built site of that size ` +
        'served by tests/support/static-server.ts with gzip on text as Netlify and Cloudflare Pages send it. ' +
        "TBT and LCP are simulated from the page's observed main-thread tasks, multiplied by 4, so they rise when other work shares the CPU: " +
        "Lighthouse's benchmarkIndex (median of the runs) shows how fast the machine was at the time; the 4× slow-down assumes a quiet desktop (about 1,000 or more).",
      '',
    );
  }

  out.push('### Where the time goes (medians, from the build log)', '');
  out.push(
    '| Releases | Build | ' + Object.values(PHASE_LABELS).join(' | ') + ' |',
    '|---:|---|' +
      Object.keys(PHASE_LABELS)
        .map(() => '---:|')
        .join(''),
  );
  for (const result of results) {
    for (const [label, pick] of [
      ['ours', (run: RunResult) => run.oursPhases],
      ['bare', (run: RunResult) => run.barePhases],
    ] as const) {
      const phases = result.runs.map(pick).filter((p): p is Phases => p !== undefined);
      if (phases.length === 0) continue;
      const cells = (Object.keys(PHASE_LABELS) as (keyof Phases)[]).map((key) => s(median(phases.map((p) => p[key]))));
      out.push(`| ${thousands(result.n)} | ${label} | ${cells.join(' | ')} |`);
    }
  }
  out.push('');

  for (const result of results) {
    if (!result.profile) continue;
    out.push(`### Profile at ${thousands(result.n)} releases`, '', ...result.profile.markdown, '');
  }

  out.push(
    '### Every run',
    '',
    '| Releases | Run | Ours | Index | Bare | Pagefind alone | Ours CPU | Bare CPU | Pagefind alone CPU | Ours memory | Bare memory | Load average (1 min) after |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const result of results) {
    result.runs.forEach((run, i) =>
      out.push(
        `| ${thousands(result.n)} | ${i + 1} | ${s(run.ours.wallMs)} | ${s(run.indexMs)} | ${s(run.bare.wallMs)} | ${s(run.pagefindAlone.wallMs)} | ${cpu(run.ours)} | ${cpu(run.bare)} | ${cpu(run.pagefindAlone)} | ${mib(run.ours.peakTreeBytes)} | ${mib(run.bare.peakTreeBytes)} | ${run.loadAfter.toFixed(2)} |`,
      ),
    );
  }
  return out.join('\n');
}

async function machineInfo(source: { commit: string; dirty: boolean }, committed: boolean): Promise<string[]> {
  const version = async (pkg: string) =>
    (
      JSON.parse(await readFile(path.join(PROJECT_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const cpus = os.cpus();
  return [
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Commit: ${source.commit}${committed ? ' (built from HEAD)' : source.dirty ? ' plus uncommitted changes in the working tree' : ''}`,
    `- CPU: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    `- RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `- Node.js ${process.version}, Astro ${await version('astro')}, Pagefind ${await version('pagefind')}, ${os.type()} ${os.release()}`,
    `- Load average at start: ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')}`,
  ];
}

async function writeDoc(section: string, marks: [string, string] = [START_MARK, END_MARK], heading = ''): Promise<void> {
  const [start, end] = marks;
  const existing = await readFile(DOC_FILE, 'utf8').catch(() => undefined);
  const block = `${start}\n${section}\n${end}`;
  let text: string;
  if (existing && existing.includes(start) && existing.includes(end)) {
    text = existing.slice(0, existing.indexOf(start)) + block + existing.slice(existing.indexOf(end) + end.length);
  } else if (existing && heading) {
    text = `${existing.trimEnd()}\n\n${heading}\n\n${block}\n`;
  } else {
    text = `# Benchmarks\n\nGenerated by \`npm run bench\` (scripts/bench/); see issue 7 for the budgets.\n\n${block}\n`;
  }
  await mkdir(path.dirname(DOC_FILE), { recursive: true });
  await writeFile(DOC_FILE, text);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      n: { type: 'string', multiple: true },
      full: { type: 'boolean', default: false },
      runs: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      word: { type: 'string', default: COMMON_SEARCH_WORD },
      committed: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      warm: { type: 'boolean', default: false },
      pictures: { type: 'boolean', default: false },
      dir: { type: 'string' },
    },
  });
  if (values.warm) return mainWarm(values);
  const sizes = (values.n ?? ['1000', '4000']).flatMap((value) => value.split(',')).map(Number);
  if (values.full && !sizes.includes(10000)) sizes.push(10000);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--n takes whole numbers, got ${values.n?.join(',')}`);
  const runs = Number(values.runs ?? '3');
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number, got ${values.runs}`);
  const seed = Number(values.seed);
  const workRoot = values.dir ?? path.join(os.tmpdir(), `konferens-bench-${process.pid}`);

  const source = await gitState(PROJECT_ROOT);
  const machine = await machineInfo(source, values.committed);
  console.log(`Benchmark: N = ${sizes.join(', ')}, ${runs} run(s) each, in ${workRoot}`);
  console.log(machine.join('\n'));

  const results: SizeResult[] = [];
  try {
    for (const n of sizes) {
      console.log(`\nN = ${n}: generating and building…`);
      results.push(
        await benchSize(n, {
          runs,
          workRoot,
          seed,
          committed: values.committed,
          profile: values.profile,
          word: values.word,
          pictures: values.pictures,
        }),
      );
    }
  } finally {
    if (!values.keep) await rm(workRoot, { recursive: true, force: true });
  }
  machine.push(
    `- Load average at end: ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(', ')}`,
  );
  machine.push(
    `- Corpus: seed ${seed}, generated by scripts/bench/generate.ts; bare site: scripts/bench/bare-site.ts (${Object.keys(bareSiteFiles).length} files)` +
      (values.pictures
        ? `; one release in ${PICTURE_EVERY} with its own ${BENCH_PICTURE.width} × ${BENCH_PICTURE.height} JPEG press picture (scripts/bench/pictures.ts)`
        : ''),
  );
  const sourceNote = values.committed
    ? `commit ${source.commit}`
    : `working tree at ${source.commit}${source.dirty ? ' (with uncommitted changes)' : ''}`;
  const section = report(results, { runs, seed, machine, sourceNote });
  console.log(`\n${section}`);
  if (!values['no-write']) {
    if (values.pictures) await writeDoc(section, [PICTURES_START_MARK, PICTURES_END_MARK], '## With press pictures (one release in ten)');
    else await writeDoc(section);
    console.log(`\nWrote ${path.relative(PROJECT_ROOT, DOC_FILE)}`);
  }
}

await main();

/** `--warm`: cold against warm builds with one release changed, written to its own section. */
async function mainWarm(values: {
  n?: string[];
  runs?: string;
  seed?: string;
  committed?: boolean;
  keep?: boolean;
  'no-write'?: boolean;
  pictures?: boolean;
  dir?: string;
}): Promise<void> {
  const sizes = (values.n ?? ['1000', '4000']).flatMap((value) => value.split(',')).map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--n takes whole numbers, got ${values.n?.join(',')}`);
  // Two runs unless asked: each is a warm and a cold build, and 4,000 releases take about a minute cold.
  const runs = Number(values.runs ?? '2');
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs takes a whole number, got ${values.runs}`);
  const seed = Number(values.seed ?? DEFAULT_SEED);
  const workRoot = values.dir ?? path.join(os.tmpdir(), `konferens-bench-warm-${process.pid}`);
  const machine = await machineInfo(await gitState(PROJECT_ROOT), values.committed ?? false);
  console.log(`Warm benchmark: N = ${sizes.join(', ')}, ${runs} run(s) each, in ${workRoot}`);
  const results: WarmResult[] = [];
  try {
    for (const n of sizes) {
      const dir = path.join(workRoot, `n${n}`);
      await rm(dir, { recursive: true, force: true });
      await copyProject(PROJECT_ROOT, dir, values.committed ?? false);
      await linkNodeModules(dir, path.join(PROJECT_ROOT, 'node_modules'));
      // With --pictures, one release in ten has a press picture: the image cache under Astro's cache folder is then warm too.
      const releases = generateReleases(n, await readReferenceIds(dir), seed, { pictures: values.pictures ?? false });
      const releaseDir = path.join(dir, 'content', 'pressmeddelanden');
      await writeReleases(releaseDir, releases);
      const generated = (await readdir(releaseDir)).filter((file) => file.endsWith('.md')).sort();
      const changed = path.join(releaseDir, generated[Math.floor(generated.length / 2)] as string);
      console.log(`\nN = ${n}: changing ${path.basename(changed)} between builds`);
      results.push(
        await benchWarm(n, changed, path.join(dir, 'dist'), runs, (label, keep) => buildOnce(label, dir, [], {}, keep)),
      );
    }
  } finally {
    if (!values.keep) await rm(workRoot, { recursive: true, force: true });
  }
  const section = warmReport(results, machine, values.pictures ? `one release in ${PICTURE_EVERY} with its own press picture` : undefined);
  console.log(`\n${section}`);
  if (!values['no-write']) {
    if (values.pictures) {
      await writeDoc(section, [WARM_PICTURES_START_MARK, WARM_PICTURES_END_MARK], '## Warm rebuilds with press pictures (one release in ten)');
    } else {
      await writeDoc(section, [WARM_START_MARK, WARM_END_MARK], '## Warm rebuilds (Astro\'s cache kept between deploys)');
    }
    console.log(`\nWrote ${path.relative(PROJECT_ROOT, DOC_FILE)}`);
  }
  if (results.some((result) => result.runs.some((run) => !run.identical))) process.exitCode = 1;
}
