import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { checkContentFolder, formatReport, hasErrors, type Problem } from '../lib/content-check/index.ts';
import { siteSettings } from '../lib/settings.ts';
import { buildTime } from '../lib/status.ts';
import { closeGateUntil, contentChecked } from './content-gate.ts';
import type { CheckRequest } from './content-check-worker.ts';

/**
 * Checks the editors' content before any of it is loaded. `astro build` starts the check on a
 * worker thread and goes on starting Vite; the content loaders wait at the gate (content-gate.ts)
 * until it has passed. On an error the build stops with exit code 1 and the Swedish report before
 * a single file is written. `astro dev` prints the report and keeps serving, and checks again
 * whenever a content file changes.
 */
export default function contentCheck(): AstroIntegration {
  let root = process.cwd();
  let devServer: ViteDevServer | undefined;
  const contentDir = () => path.resolve(root, siteSettings(process.env).contentDir);
  const check = (): Promise<Problem[]> => checkContentFolder(contentDir(), { now: buildTime(), displayRoot: root });

  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build') return;
        const request: CheckRequest = { contentDir: contentDir(), displayRoot: root, now: buildTime().getTime() };
        const passed = checkOnWorker(path.join(root, 'src', 'integrations', 'content-check-worker.ts'), request).then(
          (problems) => {
            if (hasErrors(problems)) stop(formatReport(problems));
            report(problems, logger);
          },
          (error: unknown) => stop(`Innehållskontrollen kunde inte köras: ${error instanceof Error ? error.message : String(error)}`),
        );
        closeGateUntil(passed);
      },
      // Every loader has waited at the gate by now; this only covers a build without collections.
      'astro:build:start': () => contentChecked(),
      // Vitest's Vite server runs server:setup too; only a real `astro dev` reaches server:start.
      'astro:server:setup': ({ server }) => {
        devServer = server;
      },
      'astro:server:start': async ({ logger }) => {
        report(await check(), logger);
        const dir = contentDir();
        devServer?.watcher.add(dir);
        devServer?.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(dir + path.sep)) return;
          check().then(
            (problems) => report(problems, logger, true),
            (error: unknown) => logger.error(`Innehållskontrollen kunde inte köras: ${String(error)}`),
          );
        });
      },
    },
  };
}

/** Runs the check on a worker thread; resolves with its problems. */
function checkOnWorker(workerFile: string, request: CheckRequest): Promise<Problem[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: request });
    worker.once('message', (problems: Problem[]) => resolve(problems));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the check stopped early (exit code ${code})`)));
  });
}

/** Ends the build with `message` alone: a stack trace would only bury it. Nothing is written yet. */
function stop(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function report(problems: readonly Problem[], logger: AstroIntegrationLogger, afterChange = false): void {
  if (problems.length === 0) {
    logger.info(afterChange ? 'Innehållet är ändrat och kontrollerat: inga fel eller varningar.' : 'Innehållet är kontrollerat: inga fel eller varningar.');
    return;
  }
  const text = formatReport(problems, 'check');
  if (hasErrors(problems)) logger.error(`\n${text}`);
  else if (problems.some((problem) => problem.severity === 'warning')) logger.warn(`\n${text}`);
  else logger.info(`\n${text}`);
}
