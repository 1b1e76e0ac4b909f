/**
 * The content check on a thread of its own (started by content-check.ts): it reads and checks
 * every content file on the second core while Astro's main thread starts Vite.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContentFolder } from '../lib/content-check/index.ts';

export interface CheckRequest {
  contentDir: string;
  displayRoot: string;
  /** The build clock in milliseconds (a Date does not survive the trip between threads as one). */
  now: number;
}

const request = workerData as CheckRequest;
const problems = await checkContentFolder(request.contentDir, { now: new Date(request.now), displayRoot: request.displayRoot });
parentPort?.postMessage(problems);
