import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import type { IncomingMessage } from 'node:http';
import { githubReport } from '../lib/content-check/github.ts';
import { checkContentFolder, formatReport, hasErrors, type Problem } from '../lib/content-check/index.ts';
import { problemsPage } from '../lib/content-check/page.ts';
import { siteSettings } from '../lib/core/settings.ts';
import { buildTime, fixBuildClock } from '../lib/core/status.ts';
import { closeGateUntil, contentChecked, makeLoadersLenient } from './content-gate.ts';
import type { CheckRequest } from './content-check-worker.ts';

/**
 * Checks the editors' content before any of it is loaded. `astro build` starts the check on a
 * worker thread and goes on starting Vite; the content loaders wait at the gate (content-gate.ts)
 * until it has passed. On an error the build stops with exit code 1 and the Swedish report before
 * a single file is written.
 *
 * `astro dev` checks before its first content sync and again on every change under the content
 * folder, and prints the same Swedish report each time; its loaders are lenient (content-gate.ts),
 * so Astro adds no English error of its own. While the check reports an error, every page request
 * is answered with a Swedish page listing the problems (src/lib/content-check/page.ts); once the
 * content passes, the collections are synced afresh and the site is served as usual.
 */
export default function contentCheck(): AstroIntegration {
  let root = process.cwd();
  let devServer: ViteDevServer | undefined;
  let refreshContent: (() => Promise<void>) | undefined;
  /** `astro dev`: the problems of the latest check, which decide whether pages are served. */
  let latest: Problem[] = [];
  const contentDir = () => path.resolve(root, siteSettings(process.env).contentDir);
  const check = (): Promise<Problem[]> => checkContentFolder(contentDir(), { now: buildTime(), displayRoot: root });

  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        // Vitest loads this config through getViteConfig() as a "dev" command too; it serves no pages.
        if (command === 'dev' && !process.env.VITEST) {
          // Before the first content sync, so the Swedish report is the first thing said about the content.
          makeLoadersLenient();
          latest = await check();
          report(latest, logger);
          return;
        }
        if (command !== 'build') return;
        // The first hook of the first integration: from here on the whole build, this worker
        // included, reads one clock (src/lib/core/status.ts). `astro dev` keeps reading the real time.
        const now = fixBuildClock();
        // Which releases are published or scheduled depends on this clock: say which one it was.
        logger.info(`Byggets klocka: ${now.toISOString().replace('.000Z', 'Z')} (SOURCE_DATE_EPOCH=${Math.floor(now.getTime() / 1000)}).`);
        const request: CheckRequest = { contentDir: contentDir(), displayRoot: root, now: now.getTime() };
        const passed = checkOnWorker(path.join(root, 'src', 'integrations', 'content-check-worker.ts'), request).then(
          (problems) => {
            annotate(problems);
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
      'astro:server:setup': ({ server, refreshContent: refresh }) => {
        devServer = server;
        if (refresh) refreshContent = () => refresh({});
        // Ahead of Astro's own handler (added after the setup hooks): no page is rendered from
        // content the check has rejected; the editor sees what to fix instead.
        server.middlewares.use((request, response, next) => {
          if (!hasErrors(latest) || !isPageRequest(request)) return next();
          response.statusCode = 500;
          response.setHeader('Content-Type', 'text/html; charset=utf-8');
          response.setHeader('Cache-Control', 'no-store');
          response.end(problemsPage(latest));
        });
      },
      'astro:server:start': ({ logger }) => {
        const dir = contentDir();
        devServer?.watcher.add(dir);
        // One check at a time, and one more for any changes that arrive while it runs.
        let queue = Promise.resolve();
        let waiting = false;
        const recheck = async () => {
          waiting = false;
          const failedBefore = hasErrors(latest);
          const problems = await check();
          // Loaders skipped or stored what failed while there were errors: load everything afresh
          // before the pages are served again.
          if (failedBefore && !hasErrors(problems)) await refreshContent?.();
          latest = problems;
          report(problems, logger, true);
        };
        devServer?.watcher.on('all', (_event, file) => {
          if (!path.resolve(file).startsWith(dir + path.sep) || waiting) return;
          waiting = true;
          queue = queue.then(recheck).catch((error: unknown) => {
            logger.error(`Innehållskontrollen kunde inte köras: ${error instanceof Error ? error.message : String(error)}`);
          });
        });
      },
    },
  };
}

/** Requests for pages and content endpoints, not for Vite's own modules or static assets. */
function isPageRequest(request: IncomingMessage): boolean {
  const pathname = (request.url ?? '/').split('?')[0] ?? '/';
  if (/^\/(@|_astro\/|node_modules\/|src\/|__)/.test(pathname)) return false;
  return pathname.endsWith('/') || /\.(html|ics|xml|txt)$/.test(pathname) || !/\.[a-z0-9]+$/i.test(pathname);
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

/**
 * On GitHub Actions, the same annotations and run summary as `npm run check:content`, so a workflow
 * needs no check step of its own before the build. Synchronous: `stop()` exits right after.
 */
function annotate(problems: readonly Problem[]): void {
  const github = githubReport(problems, process.env);
  if (github?.commands) process.stdout.write(`${github.commands}\n`);
  if (github?.summary) appendFileSync(github.summary.file, github.summary.text);
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
