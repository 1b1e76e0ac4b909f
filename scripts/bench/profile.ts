/**
 * `--profile`: why our build costs what it does. Builds the copy once without each integration
 * (the copy's astro.config.mjs is moved aside and wrapped, since `npm run build` has two steps and
 * cannot pass `--config` to the first) and once with `--cpu-prof`, and sums the profile's self time
 * by package or project file.
 */
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { measure, type Measurement } from './measure.ts';
import { loggedIndexMs } from './phases.ts';

export interface ProfileReport {
  markdown: string[];
}

type Build = (label: string, extraArgs: string[], extraEnv: NodeJS.ProcessEnv) => Promise<Measurement>;

const WRAPPER = 'astro.config.mjs';
const ORIGINAL = 'astro.project.config.mjs';
const WRAPPER_TEXT = `// Written by scripts/bench/profile.ts: the project's config without the integrations named in BENCH_SKIP.
import config from './${ORIGINAL}';

const skip = (process.env.BENCH_SKIP ?? '').split(',').filter(Boolean);
export default {
  ...config,
  integrations: (config.integrations ?? []).flat().filter((integration) => integration && !skip.includes(integration.name) && !skip.includes('*')),
};
`;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/** Package name, project file or V8 pseudo-frame a profile frame belongs to. */
function categoryOf(url: string, functionName: string, projectDir: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node: built-ins';
  const file = url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const parts = file.slice(modules + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? file);
  }
  if (file.startsWith(projectDir)) {
    const relative = path.relative(projectDir, file);
    return relative.startsWith('dist/') ? 'project: compiled pages (dist/.prerender)' : `project: ${relative}`;
  }
  return file;
}

export function summariseCpuProfile(profile: CpuProfile, projectDir: string, top = 12) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfById = new Map<number, number>();
  profile.samples.forEach((id, i) => selfById.set(id, (selfById.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of selfById) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    total += ms;
    const category = categoryOf(frame.url, frame.functionName, projectDir);
    categories.set(category, (categories.get(category) ?? 0) + ms);
    const name = `${frame.functionName || '(anonymous)'} — ${category}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs: total, categories: sorted(categories), functions: sorted(functions) };
}

export async function profileBuild(projectDir: string, build: Build): Promise<ProfileReport> {
  const markdown: string[] = [];
  await rename(path.join(projectDir, WRAPPER), path.join(projectDir, ORIGINAL));
  await writeFile(path.join(projectDir, WRAPPER), WRAPPER_TEXT);
  try {
    return await profileWithWrapper(projectDir, build, markdown);
  } finally {
    await rename(path.join(projectDir, ORIGINAL), path.join(projectDir, WRAPPER));
  }
}

async function profileWithWrapper(projectDir: string, build: Build, markdown: string[]): Promise<ProfileReport> {
  const config = (await import(pathToFileURL(path.join(projectDir, ORIGINAL)).href)) as {
    default: { integrations?: ({ name: string } | false | null)[] };
  };
  const names = (config.default.integrations ?? [])
    .flat()
    .flatMap((integration) => (integration ? [integration.name] : []));

  markdown.push('Each line is one cold build of the same corpus through a wrapper config that drops integrations.', '');
  markdown.push('| Build | Wall | CPU (user + sys) | Search index | Peak memory (tree) |', '|---|---:|---:|---:|---:|');
  for (const [label, skip] of [
    ['all integrations', ''],
    ...names.map((name) => [`without ${name}`, name]),
    ['no integrations', '*'],
  ] as const) {
    try {
      const result = await build(`profile-${(skip || 'all').replace(/[^a-z0-9-]+/gi, '_')}`, [], {
        BENCH_SKIP: skip,
      });
      const index = loggedIndexMs(result.lines);
      markdown.push(
        `| ${label} | ${s(result.wallMs)} | ${s(result.cpuMs)} | ${index === undefined ? '–' : s(index)} | ${mib(result.peakTreeBytes)} |`,
      );
    } catch (error) {
      markdown.push(
        `| ${label} | failed: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]} | | | |`,
      );
    }
  }

  // The same Pagefind run as the build's second step, but from the command line on our finished output:
  // tells the cost of our pages (body, filters, meta) apart from the cost of running it inside the build.
  const dist = path.join(projectDir, 'dist');
  const cliOutput = path.join(projectDir, '.pagefind-cli');
  const cli = await measure(
    path.join(projectDir, 'node_modules', '.bin', 'pagefind'),
    ['--site', dist, '--force-language', 'sv', '--output-path', cliOutput],
    { cwd: projectDir, env: process.env },
  );
  markdown.push(
    `| Pagefind CLI alone on our output (--force-language sv) | ${s(cli.wallMs)} | ${s(cli.cpuMs)} | ${cli.exitCode === 0 ? s(cli.wallMs) : 'failed'} | ${mib(cli.peakTreeBytes)} |`,
  );
  await rm(cliOutput, { recursive: true, force: true });

  const profileDir = path.join(projectDir, '.cpu-profiles');
  await build('profile-cpu', [], {
    BENCH_SKIP: '',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim(),
  });
  // npm itself is a Node process too; the largest profile is Astro's.
  const profiles = await Promise.all(
    (await readdir(profileDir)).map(async (file) => ({
      file: path.join(profileDir, file),
      size: (await stat(path.join(profileDir, file))).size,
    })),
  );
  const largest = profiles.sort((a, b) => b.size - a.size)[0];
  if (largest) {
    const summary = summariseCpuProfile(JSON.parse(await readFile(largest.file, 'utf8')) as CpuProfile, projectDir);
    markdown.push(
      '',
      `CPU profile of the Astro process (\`--cpu-prof\`, ${s(summary.totalMs)} sampled; self time):`,
      '',
    );
    markdown.push('| Package or file | Self time | Share |', '|---|---:|---:|');
    for (const [name, ms] of summary.categories)
      markdown.push(`| ${name} | ${s(ms)} | ${((ms / summary.totalMs) * 100).toFixed(1)} % |`);
    markdown.push('', '| Hottest functions | Self time |', '|---|---:|');
    for (const [name, ms] of summary.functions) markdown.push(`| \`${name.replaceAll('|', '\\|')}\` | ${s(ms)} |`);
  }
  return { markdown };
}
