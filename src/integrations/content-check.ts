import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { ViteDevServer } from 'vite';
import { checkContentFolder, formatReport, hasErrors, type Problem } from '../lib/content-check/index.ts';
import { siteSettings } from '../lib/settings.ts';
import { buildTime } from '../lib/status.ts';

/**
 * Checks the editors' content before anything else happens. `astro build` stops with exit code 1
 * and the Swedish report before a single file is written; `astro dev` prints the report and keeps
 * serving, and checks again whenever a content file changes.
 */
export default function contentCheck(): AstroIntegration {
  let root = process.cwd();
  let devServer: ViteDevServer | undefined;
  const contentDir = () => path.resolve(root, siteSettings(process.env).contentDir);
  const check = (): Promise<Problem[]> => checkContentFolder(contentDir(), { now: buildTime(), displayRoot: root });

  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build') return;
        const problems = await check();
        if (hasErrors(problems)) {
          // The report is the whole message; a stack trace would only bury it. Nothing is written yet.
          process.stderr.write(`\n${formatReport(problems)}\n\n`);
          process.exit(1);
        }
        report(problems, logger);
      },
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

function report(problems: readonly Problem[], logger: AstroIntegrationLogger, afterChange = false): void {
  if (problems.length === 0) {
    logger.info(afterChange ? 'Innehållet är ändrat och kontrollerat: inga fel eller varningar.' : 'Innehållet är kontrollerat: inga fel eller varningar.');
    return;
  }
  const text = formatReport(problems, 'check');
  if (hasErrors(problems)) logger.error(`\n${text}`);
  else logger.warn(`\n${text}`);
}
