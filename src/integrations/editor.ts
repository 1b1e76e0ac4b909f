/**
 * The web editor at /admin/ (Sveltia CMS) and the CSP rules of `_headers`, written after Astro's own
 * output: the bundle is copied from node_modules (never through Vite) with its CDN URLs pointed
 * at our origin, next to the Swedish strings and fonts from their npm packages, the configuration
 * generated from the zod schemas, and a preview that uses the site's built stylesheet.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminIndexHtml, GITHUB_STATUS_FILE, localeUrlPath, previewScript, rewriteSveltiaBundle, SWEDISH_BY_DEFAULT } from '../lib/editor/admin-bundle.ts';
import { completeSwedish } from '../lib/editor/admin-locale.ts';
import { sveltiaSwedish } from '../i18n/editor.ts';
import { buildCmsConfig, fieldsWithoutLabel, type CmsConfigOptions } from '../lib/editor/cms-config.ts';
import { ADMIN_CSP_META, ADMIN_FOLDER, headersFile } from '../lib/publishing/headers.ts';
import { DEFAULT_TIME_ZONE, programmeSchema } from '../schemas/programme.ts';
import { parse as parseYaml } from 'yaml';

/** Folder of an installed package; their package.json files are not exported, so no require.resolve. */
const packageDir = (name: string): string => path.join(projectRoot, 'node_modules', ...name.split('/'));
let projectRoot = process.cwd();

async function packageVersion(dir: string): Promise<string> {
  return (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

export interface EditorOptions {
  cms: Omit<CmsConfigOptions, 'siteUrl' | 'timeZone'>;
  /** The content folder; the editor enters dates in its programme's time zone. */
  contentDir: string;
}

export default function editor(options: EditorOptions): AstroIntegration {
  let base = '/';
  let site = '';
  return {
    name: 'konferens:editor',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        site = config.site ?? '';
        projectRoot = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        await writeEditor(outDir, base, new URL(base, site || 'http://localhost').href, options);
        const missing = fieldsWithoutLabel();
        if (missing.length > 0) logger.warn(`web editor: no Swedish label for ${missing.join(', ')}; add them to src/i18n/editor.ts`);
        const entries = await readdir(outDir, { withFileTypes: true });
        // Astro has copied public/_headers; the policies are appended to it.
        const headersPath = path.join(outDir, '_headers');
        const handWritten = await readFile(headersPath, 'utf8');
        await writeFile(headersPath, headersFile(handWritten, entries.map((entry) => ({ name: entry.name, directory: entry.isDirectory() })), ['pagefind']));
        logger.info(`web editor in ${ADMIN_FOLDER}/, _headers written`);
      },
    },
  };
}

async function writeEditor(outDir: string, base: string, siteUrl: string, options: EditorOptions): Promise<void> {
  const adminPath = `${base}${ADMIN_FOLDER}/`;
  const adminDir = path.join(outDir, ADMIN_FOLDER);
  const sveltia = packageDir('@sveltia/cms');
  const version = await packageVersion(sveltia);

  const stylesheets = (await readdir(path.join(outDir, '_astro'))).filter((file) => file.endsWith('.css'));
  if (stylesheets.length !== 1) throw new Error(`web editor: expected one built stylesheet in _astro/, found ${stylesheets.length}`);

  const { text, fonts, modules } = rewriteSveltiaBundle(await readFile(path.join(sveltia, 'dist', 'sveltia-cms.js'), 'utf8'), adminPath);
  await mkdir(path.join(adminDir, 'fonts'), { recursive: true });
  await writeFile(path.join(adminDir, 'sveltia-cms.js'), text);
  // Chunks loaded on demand, next to the bundle (the bundle looks there first); no source maps.
  const chunkDir = path.join(sveltia, 'dist', 'chunks');
  await mkdir(path.join(adminDir, 'chunks'), { recursive: true });
  for (const chunk of (await readdir(chunkDir)).filter((file) => file.endsWith('.js'))) {
    await copyFile(path.join(chunkDir, chunk), path.join(adminDir, 'chunks', chunk));
  }
  for (const font of fonts) {
    const fontDir = packageDir(font.packageName);
    const installed = await packageVersion(fontDir);
    if (installed !== font.version) {
      throw new Error(`web editor: the bundle wants ${font.packageName}@${font.version}, package.json has ${installed}; pin the same version`);
    }
    await copyFile(path.join(fontDir, 'files', font.file), path.join(adminDir, 'fonts', font.file));
  }
  // Modules the bundle imports on demand that we serve, copied from their npm packages at
  // exactly the version the bundle names; the others stay off (src/lib/editor/admin-bundle.ts says why).
  for (const module of modules) {
    if (!('serve' in module.use)) continue;
    const moduleDir = packageDir(module.name);
    const installed = await packageVersion(moduleDir);
    if (installed !== module.version) {
      throw new Error(`web editor: the bundle loads ${module.name}@${module.version}, node_modules has ${installed}; pin the same version in package.json`);
    }
    for (const file of module.use.serve) {
      const target = path.join(adminDir, 'vendor', `${module.name}@${module.version}`, ...file.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(moduleDir, ...file.split('/')), target);
    }
  }
  // Swedish UI strings from the package itself, with the keys it lacks filled from
  // src/i18n/editor.ts; English is built into the bundle.
  const localeFile = path.join(outDir, localeUrlPath(adminPath, version, 'sv').slice(base.length));
  await mkdir(path.dirname(localeFile), { recursive: true });
  const readLocale = async (code: string) => JSON.parse(await readFile(path.join(sveltia, 'locales', `${code}.json`), 'utf8')) as Parameters<typeof completeSwedish>[0];
  await writeFile(localeFile, JSON.stringify(completeSwedish(await readLocale('en-US'), await readLocale('sv'), sveltiaSwedish)));
  // The bundle asks hourly whether a newer version exists; answer with the pinned one.
  const versionFile = path.join(adminDir, 'vendor', '@sveltia', 'cms', 'package.json');
  await mkdir(path.dirname(versionFile), { recursive: true });
  await writeFile(versionFile, `${JSON.stringify({ name: '@sveltia/cms', version })}\n`);
  await writeFile(path.join(adminDir, 'vendor', GITHUB_STATUS_FILE.name), GITHUB_STATUS_FILE.text);

  await writeFile(
    path.join(adminDir, 'index.html'),
    adminIndexHtml({ title: 'Webbredaktör', csp: ADMIN_CSP_META, publishStatus: { repo: options.cms.repo, branch: options.cms.branch, workflow: 'deploy.yml' } }),
  );
  await writeAdminModules(adminDir);
  await writeFile(path.join(adminDir, 'svenska.js'), SWEDISH_BY_DEFAULT);
  await writeFile(path.join(adminDir, 'forhandsvisning.js'), previewScript(`${base}_astro/${stylesheets[0]}`));
  const timeZone = await programmeTimeZone(path.resolve(projectRoot, options.contentDir, 'program.yaml'));
  await writeFile(path.join(adminDir, 'config.json'), `${JSON.stringify(buildCmsConfig({ ...options.cms, siteUrl, timeZone }), null, 2)}\n`);
}

/**
 * The editor's own browser modules, written in TypeScript and served with their types stripped
 * (Node's own TypeScript support, as for scripts/): each glue module in src/admin/ and the pure
 * module of src/lib/ it imports, under a Swedish file name.
 */
const ADMIN_MODULES = [
  { source: 'admin/publish-status.ts', served: 'publiceringsstatus.js', logic: 'lib/editor/publish-status.ts', logicServed: 'publiceringsstatus-beslut.js' },
  { source: 'admin/file-guard.ts', served: 'filkontroll.js', logic: 'lib/editor/accepted-file.ts', logicServed: 'filkontroll-beslut.js' },
] as const;

async function writeAdminModules(adminDir: string): Promise<void> {
  const source = (file: string) => readFile(path.join(projectRoot, 'src', ...file.split('/')), 'utf8');
  for (const module of ADMIN_MODULES) {
    const logicImport = `from '../${module.logic}'`;
    const glue = await source(module.source);
    if (!glue.includes(logicImport)) throw new Error(`web editor: src/${module.source} no longer imports ${logicImport}`);
    await writeFile(path.join(adminDir, module.served), stripTypeScriptTypes(glue.replace(logicImport, `from './${module.logicServed}'`)));
    await writeFile(path.join(adminDir, module.logicServed), stripTypeScriptTypes(await source(module.logic)));
  }
  await copyFile(path.join(projectRoot, 'src', 'admin', 'admin.css'), path.join(adminDir, 'webbredaktor.css'));
}

/** The programme's `timezone` (the content check has passed it), or the schema's default. */
async function programmeTimeZone(file: string): Promise<string> {
  const data = parseYaml(await readFile(file, 'utf8')) as { timezone?: unknown } | null;
  const zone = programmeSchema.shape.timezone.safeParse(data?.timezone);
  return zone.success ? zone.data : DEFAULT_TIME_ZONE;
}
