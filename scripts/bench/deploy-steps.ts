/**
 * `node scripts/bench/deploy-steps.ts [--runs N]`: times the deploy's steps that can run on this
 * machine, on a clean clone of the repository (docs/benchmarks.md, "From Save to live"):
 * checkout (a local clone), `npm ci` cold (empty npm cache) and warm (the cache setup-node keeps),
 * the whole install against `--omit=dev`, the content check the workflow used to run on its own,
 * the build cold and warm (node_modules/.astro kept, as actions/cache does), the artifact's tar, the
 * summary script and the due gate (the `run:` script of .github/workflows/due.yml against a local
 * server). Prints one Markdown table of medians; nothing is written into the repository.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '..', '..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > -1 ? Number(process.argv[runsArg + 1]) : 3;
const work = mkdtempSync(path.join(os.tmpdir(), 'deploy-steps-'));
const clone = path.join(work, 'clone');
const emptyCache = () => mkdtempSync(path.join(work, 'npm-cache-'));
const warmCache = path.join(work, 'npm-cache-warm');
// The Node the workflow sets up (.nvmrc): the project's own, as `npm run` would find it after a full install.
const nodeBin = path.dirname(execFileSync(path.join(root, 'node_modules', '.bin', 'node'), ['-p', 'process.execPath'], { encoding: 'utf8' }).trim());
const env = { ...process.env, PATH: `${nodeBin}:${process.env.PATH}`, ASTRO_TELEMETRY_DISABLED: '1', npm_config_audit: 'false', npm_config_fund: 'false' };
const build = { SITE_URL: 'https://example.github.io', BASE_PATH: '/konferens/', SOURCE_DATE_EPOCH: String(Math.floor(Date.now() / 1000)) };

const results: { step: string; seconds: number[]; note: string }[] = [];

/** Runs a command, returns its wall time in seconds; stops the benchmark when it fails. */
function timed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: options.cwd ?? clone, env: options.env ?? env, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${String(result.stderr).slice(-3000)}`);
  return seconds;
}

function record(step: string, note: string, measure: () => number, runs = RUNS): void {
  const seconds: number[] = [];
  for (let index = 0; index < runs; index += 1) seconds.push(measure());
  results.push({ step, seconds, note });
  console.error(`${step}: ${seconds.map((value) => value.toFixed(2)).join(', ')} s`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const removeModules = () => rmSync(path.join(clone, 'node_modules'), { recursive: true, force: true });

try {
  record('checkout (git clone --depth 1 of a local repository)', 'local disk; GitHub fetches over its network', () => {
    rmSync(clone, { recursive: true, force: true });
    return timed('git', ['clone', '--quiet', '--depth', '1', `file://${root}`, clone], { cwd: work });
  });

  // Cold: an empty npm cache, every tarball from the registry. Once each: each is a minute or more.
  record('npm ci, cold (empty npm cache), all dependencies', 'downloads from the registry mirror this machine uses', () => {
    removeModules();
    return timed('npm', ['ci', '--cache', emptyCache()]);
  }, 1);
  record('npm ci --omit=dev, cold', 'as above', () => {
    removeModules();
    return timed('npm', ['ci', '--omit=dev', '--cache', emptyCache()]);
  }, 1);
  // Warm: the cache that setup-node restores (~/.npm), filled once.
  removeModules();
  timed('npm', ['ci', '--cache', warmCache]);
  record('npm ci, warm npm cache, all dependencies', 'what the deploy did before', () => {
    removeModules();
    return timed('npm', ['ci', '--cache', warmCache]);
  });
  record('npm ci --omit=dev, warm npm cache', 'what the deploy does now', () => {
    removeModules();
    return timed('npm', ['ci', '--omit=dev', '--cache', warmCache]);
  });

  record('content check on its own (npm run check:content)', 'the step the deploy ran before the build; removed', () =>
    timed('npm', ['run', '--silent', 'check:content'], { env: { ...env, ...build } }),
  );

  const buildEnv = { ...env, ...build };
  record('npm run build, cold (no node_modules/.astro)', 'content check inside, Astro, Pagefind', () => {
    for (const dir of ['dist', 'node_modules/.astro', 'node_modules/.vite', '.astro']) rmSync(path.join(clone, dir), { recursive: true, force: true });
    return timed('npm', ['run', '--silent', 'build'], { env: buildEnv });
  });
  record('npm run build, warm (node_modules/.astro kept, one release edited)', 'the cache the workflow restores', () => {
    const release = path.join(clone, 'content', 'pressmeddelanden');
    const file = path.join(release, execFileSync('ls', [release], { encoding: 'utf8' }).split('\n')[0] ?? '');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nRättelse ${Date.now()}.\n`);
    rmSync(path.join(clone, 'dist'), { recursive: true, force: true });
    return timed('npm', ['run', '--silent', 'build'], { env: buildEnv });
  });

  const tar = path.join(work, 'artifact.tar');
  record('artifact: tar of dist/ (upload-pages-artifact\'s own step)', 'the upload itself is GitHub\'s', () =>
    timed('tar', ['--dereference', '--hard-dereference', '--directory', path.join(clone, 'dist'), '-cf', tar, '--exclude=.git', '--exclude=.github', '.']),
  );
  const tarBytes = statSync(tar).size;
  const gzipBytes = Number(execFileSync('sh', ['-c', `gzip -c ${tar} | wc -c`], { encoding: 'utf8' }).trim());

  record('deploy summary (node scripts/deploy-summary.ts)', 'live list fetched from a local server that answers 404', () =>
    timed('node', ['scripts/deploy-summary.ts', 'http://127.0.0.1:9/konferens/'], { env: { ...buildEnv, GITHUB_STEP_SUMMARY: path.join(work, 'summary.md') } }),
  );

  // The due gate: the real script, against build.json on a local server.
  const gate = (parse(readFileSync(path.join(root, '.github', 'workflows', 'due.yml'), 'utf8')) as { jobs: { due: { steps: { id?: string; run?: string }[] } } })
    .jobs.due.steps.find((step) => step.id === 'due')?.run ?? '';
  const buildJson = readFileSync(path.join(clone, 'dist', 'build.json'));
  const server = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(buildJson));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const site = `http://127.0.0.1:${(server.address() as AddressInfo).port}/konferens/`;
  const output = path.join(work, 'github-output');
  const gateTimes: number[] = [];
  for (let index = 0; index < 5; index += 1) {
    writeFileSync(output, '');
    const start = process.hrtime.bigint();
    const result = await exitCode('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', gate], { ...env, SITE: site, MAIN_SHA: 'a'.repeat(40), GITHUB_OUTPUT: output });
    gateTimes.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result !== 0) throw new Error('the gate failed');
  }
  server.close();
  results.push({ step: 'due gate script (curl + jq + bash)', seconds: gateTimes, note: `answered ${readFileSync(output, 'utf8').trim()}` });

  const load = os.loadavg().map((value) => value.toFixed(1)).join(', ');
  console.log(`Measured on ${os.cpus().length} cores, load average at the end ${load}; medians of the runs listed.\n`);
  console.log('| step | runs (s) | median (s) | note |');
  console.log('| --- | --- | ---: | --- |');
  for (const { step, seconds, note } of results) {
    console.log(`| ${step} | ${seconds.map((value) => value.toFixed(2)).join(', ')} | ${median(seconds).toFixed(2)} | ${note} |`);
  }
  console.log(`\ndist/: ${(tarBytes / 1048576).toFixed(1)} MiB as tar, ${(gzipBytes / 1048576).toFixed(1)} MiB gzipped.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A child process as a promise of its exit code (the gate must not block the server's event loop). */
function exitCode(command: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => {
    spawn(command, args, { env: childEnv, stdio: 'ignore' }).on('exit', resolve);
  });
}
