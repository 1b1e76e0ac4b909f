/**
 * Runs one command and measures it: wall time, peak memory of the whole process tree (sampled from
 * /proc), the largest single process (GNU time's "Maximum resident set size", when installed), when
 * each output line arrived, and how long a Pagefind process was alive in the tree.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const GNU_TIME = '/usr/bin/time';
const PAGE_SIZE = 4096;
/** Kernel clock ticks per second (USER_HZ), 100 on Linux. */
const TICK_MS = 10;
/** How often the process tree is sampled; 50 ms costs about 1 ms of CPU per sample with ~100 processes. */
const SAMPLE_MS = 50;

export interface LogLine {
  /** Milliseconds since the command started. */
  ms: number;
  text: string;
}

export interface Measurement {
  wallMs: number;
  exitCode: number;
  /** Largest sum of RSS over the command's process tree at one sample. */
  peakTreeBytes: number;
  /** Largest RSS of any single process in the tree: GNU time's figure or the largest sample, whichever is higher. */
  peakProcessBytes: number;
  /**
   * User + system CPU time of the whole tree, summed over every process as last sampled: steadier
   * than wall time on a busy machine. (GNU time's figure misses children that are killed and never
   * waited for, such as the Pagefind service the Node API starts.)
   */
  cpuMs: number;
  /** The part of cpuMs used by Pagefind processes. */
  pagefindCpuMs: number;
  /** First and last sample (ms since start) at which a Pagefind process was running in the tree. */
  pagefindWindow?: { startMs: number; endMs: number };
  lines: LogLine[];
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

interface ProcInfo {
  ppid: number;
  rssPages: number;
  comm: string;
  /** User + system CPU of the process itself, in clock ticks. */
  cpuTicks: number;
  /** Start time in ticks since boot: with the pid, identifies the process even if the pid is reused. */
  start: string;
}

/** One pass over /proc: parent, resident pages and command name of every process. */
function readProcesses(): Map<number, ProcInfo> {
  const processes = new Map<number, ProcInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited between readdir and read
    }
    // "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so split after the last ')'.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    processes.set(Number(entry), {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ppid: Number(fields[1]),
      rssPages: Number(fields[21]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
      start: fields[19] ?? '',
    });
  }
  return processes;
}

function treeOf(root: number, processes: Map<number, ProcInfo>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, info] of processes) {
    const list = children.get(info.ppid) ?? [];
    list.push(pid);
    children.set(info.ppid, list);
  }
  const tree: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (!processes.has(pid)) continue;
    tree.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export async function measure(command: string, args: string[], options: MeasureOptions): Promise<Measurement> {
  const useTime = existsSync(GNU_TIME);
  const tempDir = await mkdtemp(path.join(os.tmpdir(), 'bench-time-'));
  const timeFile = path.join(tempDir, 'rss');
  const [file, argv] = useTime ? [GNU_TIME, ['-f', '%M', '-o', timeFile, command, ...args]] : [command, args];

  const lines: LogLine[] = [];
  let peakTreeBytes = 0;
  let peakSampledProcess = 0;
  let pagefindWindow: Measurement['pagefindWindow'];
  const cpuByProcess = new Map<string, number>();
  const pagefindProcesses = new Set<string>();
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });

  const sample = () => {
    if (child.pid === undefined) return;
    const processes = readProcesses();
    let total = 0;
    let pagefindSeen = false;
    for (const pid of treeOf(child.pid, processes)) {
      const info = processes.get(pid) as ProcInfo;
      const bytes = info.rssPages * PAGE_SIZE;
      total += bytes;
      peakSampledProcess = Math.max(peakSampledProcess, bytes);
      cpuByProcess.set(`${pid}:${info.start}`, info.cpuTicks * TICK_MS);
      if (info.comm.startsWith('pagefind')) {
        pagefindSeen = true;
        pagefindProcesses.add(`${pid}:${info.start}`);
      }
    }
    peakTreeBytes = Math.max(peakTreeBytes, total);
    if (pagefindSeen) {
      const now = performance.now() - started;
      pagefindWindow = { startMs: pagefindWindow?.startMs ?? now, endMs: now };
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);

  const collect = (stream: NodeJS.ReadableStream) =>
    new Promise<void>((resolve) => {
      const reader = createInterface({ input: stream });
      reader.on('line', (text) => lines.push({ ms: performance.now() - started, text }));
      reader.on('close', resolve);
    });
  const [exitCode] = await Promise.all([
    new Promise<number>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? 1));
    }),
    collect(child.stdout),
    collect(child.stderr),
  ]);
  const wallMs = performance.now() - started;
  clearInterval(timer);
  const cpuMs = [...cpuByProcess.values()].reduce((sum, ms) => sum + ms, 0);
  const pagefindCpuMs = [...pagefindProcesses].reduce((sum, key) => sum + (cpuByProcess.get(key) ?? 0), 0);

  let peakProcessBytes = peakSampledProcess;
  if (useTime) {
    // GNU time writes "Command exited with non-zero status N" first when the command fails.
    const kilobytes = Number((await readFile(timeFile, 'utf8').catch(() => '')).trim().split('\n').pop());
    if (Number.isFinite(kilobytes)) peakProcessBytes = Math.max(peakProcessBytes, kilobytes * 1024);
  }
  await rm(tempDir, { recursive: true, force: true });
  return { wallMs, exitCode, peakTreeBytes, peakProcessBytes, cpuMs, pagefindCpuMs, pagefindWindow, lines };
}

/** Strips ANSI colour codes, which Astro's logger adds when it thinks it may. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
