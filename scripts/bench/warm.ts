/**
 * `npm run bench -- --warm`: what keeping Astro's cache between deploys saves. The workflows
 * (.github/workflows/deploy.yml, check.yml) restore `node_modules/.astro` (the content layer's data
 * store, and the image cache under it) and nothing else, so a warm build here keeps only Astro's
 * cache folder: the output and Vite's caches are deleted as for a cold build. Each run changes one
 * release (the usual deploy: one new or edited text), builds warm into the cache the previous build
 * left, then builds the same content cold and checks that both gave the same bytes.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Measurement } from './measure.ts';
import { BUILD_STATE } from './workspace.ts';

export interface WarmRun {
  warm: Measurement;
  cold: Measurement;
  /** Whether the warm and the cold build wrote the same files with the same bytes. */
  identical: boolean;
  /** Files in dist/ (the same for both when identical). */
  files: number;
}

export interface WarmResult {
  n: number;
  runs: WarmRun[];
}

/** Runs `npm run build`, cold, or warm with Astro's cache folder left in place. */
export type Build = (label: string, keepAstroCache: boolean) => Promise<Measurement>;

/** Deletes what a warm deploy would not have: all build state but Astro's cache folder (`astroCache`, relative to `dir`). */
export async function clearAllButAstroCache(dir: string, astroCache: string): Promise<void> {
  const state = BUILD_STATE.filter((entry) => path.normalize(entry) !== path.normalize(astroCache));
  await Promise.all(state.map((entry) => rm(path.join(dir, entry), { recursive: true, force: true })));
}

/** SHA-256 per file under `dir`, by relative path. */
export async function hashDist(dir: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    hashes.set(path.relative(dir, file), createHash('sha256').update(await readFile(file)).digest('hex'));
  }
  return hashes;
}

const sameTree = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);

/**
 * `runs` times: change one release, build warm, build cold. The cold build leaves a fresh cache of
 * the current content, which the next run's warm build starts from; one cold build first seeds it.
 */
export async function benchWarm(n: number, releaseFile: string, dist: string, runs: number, build: Build): Promise<WarmResult> {
  await build('warm-seed', false);
  const original = await readFile(releaseFile, 'utf8');
  const result: WarmResult = { n, runs: [] };
  try {
    for (let run = 1; run <= runs; run += 1) {
      await writeFile(releaseFile, `${original}\nÄndring ${run} inför en varm omställning av webbplatsen.\n`);
      const warm = await build(`warm-${run}`, true);
      const warmHashes = await hashDist(dist);
      const cold = await build(`cold-${run}`, false);
      const coldHashes = await hashDist(dist);
      const identical = sameTree(warmHashes, coldHashes);
      result.runs.push({ warm, cold, identical, files: coldHashes.size });
      console.log(
        `  N=${n} run ${run}/${runs}: warm ${(warm.wallMs / 1000).toFixed(2)} s (content sync ${contentSyncMs(warm) ?? '?'} ms), ` +
          `cold ${(cold.wallMs / 1000).toFixed(2)} s (content sync ${contentSyncMs(cold) ?? '?'} ms), ` +
          `${identical ? 'identical output' : 'OUTPUT DIFFERS'}`,
      );
    }
  } finally {
    await writeFile(releaseFile, original);
  }
  return result;
}

/**
 * How long Astro's content layer took to load the collections ("Syncing content" to "Synced
 * content" in the build log): the part the data store in the cache can shorten.
 */
export function contentSyncMs(measurement: Measurement): number | undefined {
  const at = (text: string) => measurement.lines.find((line) => line.text.includes(text))?.ms;
  const start = at('[content] Syncing content');
  const end = at('[content] Synced content');
  return start === undefined || end === undefined ? undefined : end - start;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The Markdown section for docs/benchmarks.md. */
export function warmReport(results: readonly WarmResult[], machine: readonly string[], corpus?: string): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const out = [
    `Measured ${machine.find((line) => line.startsWith('- Date'))?.slice(8) ?? ''} with \`npm run bench -- --warm${corpus ? ' --pictures' : ''}\`` +
      `${corpus ? `: ${corpus}` : ''}.`,
    '',
    ...machine,
    '',
    '| Releases | Cold build | Warm build (one release changed) | Saved | CPU cold | CPU warm | Content sync cold | Content sync warm | Warm output = cold output |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  const sync = (runs: readonly WarmRun[], pick: (run: WarmRun) => Measurement) => {
    const values = runs.map((run) => contentSyncMs(pick(run))).filter((value): value is number => value !== undefined);
    return values.length === 0 ? 'not logged' : s(median(values));
  };
  for (const result of results) {
    const cold = median(result.runs.map((run) => run.cold.wallMs));
    const warm = median(result.runs.map((run) => run.warm.wallMs));
    const cpuCold = median(result.runs.map((run) => run.cold.cpuMs));
    const cpuWarm = median(result.runs.map((run) => run.warm.cpuMs));
    const identical = result.runs.every((run) => run.identical);
    out.push(
      `| ${result.n.toLocaleString('en-GB')} | ${s(cold)} | ${s(warm)} | ${s(cold - warm)} (${(((cold - warm) / cold) * 100).toFixed(0)} %) | ` +
        `${s(cpuCold)} | ${s(cpuWarm)} | ${sync(result.runs, (run) => run.cold)} | ${sync(result.runs, (run) => run.warm)} | ${identical ? `yes, ${result.runs[0]?.files ?? 0} files byte for byte in every run` : '**no**'} |`,
    );
  }
  out.push(
    '',
    `Medians of ${results[0]?.runs.length ?? 0} runs per size. Each run appends a sentence to one release, builds warm ` +
      '(only Astro\'s cache folder kept, as the workflows keep it), then builds the same content cold (output, Astro and Vite caches deleted).',
    '',
    '| Releases | Run | Warm | Cold | Warm CPU | Cold CPU | Warm content sync | Cold content sync | Identical |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  );
  const one = (measurement: Measurement) => {
    const ms = contentSyncMs(measurement);
    return ms === undefined ? '–' : s(ms);
  };
  for (const result of results) {
    result.runs.forEach((run, index) =>
      out.push(
        `| ${result.n.toLocaleString('en-GB')} | ${index + 1} | ${s(run.warm.wallMs)} | ${s(run.cold.wallMs)} | ${s(run.warm.cpuMs)} | ${s(run.cold.cpuMs)} | ` +
          `${one(run.warm)} | ${one(run.cold)} | ${run.identical ? 'yes' : '**no**'} |`,
      ),
    );
  }
  return out.join('\n');
}
