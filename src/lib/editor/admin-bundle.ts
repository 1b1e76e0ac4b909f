/**
 * The web editor's static files: Sveltia CMS's bundle rewritten to load its Swedish strings and
 * fonts from our own origin, and the page that starts it. Pure: src/integrations/editor.ts reads
 * and writes the files.
 */

/** A font the bundle's CSS names on the Fontsource CDN, and the npm package that holds it. */
export interface FontFile {
  /** URL in the bundle. */
  url: string;
  /** npm package that ships the file, e.g. "@fontsource-variable/source-sans-3". */
  packageName: string;
  /** Version the bundle asks for; the installed package must be the same. */
  version: string;
  /** File name inside the package's files/ folder, also the name we serve it under. */
  file: string;
}

const FONT_URL = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(:vf)?@([0-9.]+)\/([a-z0-9-]+)\.woff2/g;
/** Fontsource's "see the CDN page" comments: they name a host, so they go. */
const FONT_COMMENT = /\/\* https:\/\/fontsource\.org\/fonts\/[a-z0-9-]+\/cdn \*\//g;
/** The package CDN the bundle loads its locale strings, version check and optional modules from. */
const PACKAGE_CDN = 'https://unpkg.com/';
/** GitHub's status page, asked when signing in; answered from our origin with "unknown". */
const GITHUB_STATUS = 'https://www.githubstatus.com/api/v2/status.json';
/** What the editor is told about GitHub's status: not checked (it treats this as "unknown"). */
export const GITHUB_STATUS_FILE = { name: 'githubstatus.json', text: '{"status":{"indicator":"unknown"}}\n' };

/** Fonts named in the bundle, in order of appearance. */
export function bundleFonts(bundle: string): FontFile[] {
  return [...bundle.matchAll(FONT_URL)].map(([url, name, variable, version, file]) => ({
    url,
    packageName: `${variable ? '@fontsource-variable' : '@fontsource'}/${name}`,
    version: version!,
    file: `${name}-${file}.woff2`,
  }));
}

export interface RewriteResult {
  text: string;
  fonts: FontFile[];
  /** Modules the bundle imports on demand, with the version it asks for. */
  modules: OnDemandModule[];
}

/**
 * What we do about one module the bundle imports on demand from the package CDN
 * (`https://unpkg.com/<name>@<version>/<file>`, rewritten to `admin/vendor/…`): serve it, copied
 * from the npm package at exactly that version, or keep the feature that needs it off, and why.
 * docs/webbredaktor.md has the same list as a table.
 */
export type OnDemandUse = { serve: string[] } | { off: string };

/** Every module the pinned bundle can import on demand, reviewed. A new one fails the build. */
export const ON_DEMAND_MODULES: Record<string, OnDemandUse> = {
  // Date and place a photo was taken, shown in an asset's details: small, no imports, no WebAssembly.
  exifr: { serve: ['dist/lite.esm.mjs'] },
  '@discourse/heic': { off: 'HEIC decoding (WebAssembly, which the CSP does not allow); image fields accept only JPEG, PNG, WebP and AVIF' },
  // `@jsquash/${format}`, for the formats the bundle encodes itself: only WebP in 0.221.1.
  '@jsquash/${t}': { off: 'WebP encoding (WebAssembly) for image transformations; the configuration sets no transformations' },
  immutable: { off: 'Decap-style preview templates, field types and event hooks; we register none (only a preview style)' },
  leaflet: { off: 'the map widget; no field uses it' },
  'terra-draw': { off: 'the map widget; no field uses it' },
  'terra-draw-leaflet-adapter': { off: 'the map widget; no field uses it' },
  svgo: { off: 'SVG optimisation on upload; image fields do not accept SVG and no transformation is set' },
  turndown: { off: 'machine translation of Markdown; no translation service is configured, and the CSP would block it' },
};

/** Modules the bundle loads by URL rather than through its loader, and why they stay unloaded. */
export const URL_LOADED_OFF: Record<string, string> = {
  'pdfjs-dist': 'PDF thumbnails in the asset library; image fields do not accept PDF (a PDF uploaded on the asset page gets no thumbnail)',
  '@sveltia/ui': 'code highlighting (shiki), not published on npm at the version the bundle names; the Markdown field has no code-block component',
  '@shikijs': 'code highlighting languages and themes; see @sveltia/ui',
};

export interface OnDemandModule {
  name: string;
  version: string;
  use: OnDemandUse;
}

/**
 * The modules the bundle imports on demand: its loader is `(name, file) => import(\`${url(name)}/${file}\`)`
 * with `url(name)` = `https://unpkg.com/${name}@${version}`, the version taken from the copy of its
 * own package.json the bundle holds. Throws when the loader or a reviewed module is gone, or a new one appears.
 */
export function onDemandModules(bundle: string): OnDemandModule[] {
  const loader = /([\w$]+)=async\(([\w$]+),([\w$]+)\)=>[\w$]+\(\(\)=>import\(`\$\{([\w$]+)\(\2\)\}\/\$\{\3\}`\),void 0\)/.exec(bundle);
  if (!loader) throw new Error('Sveltia CMS bundle: its on-demand module loader is gone; check src/lib/editor/admin-bundle.ts against the new bundle');
  const [, load, , , url] = loader;
  const escape = (name: string) => name.replace(/\$/g, '\\$');
  const calls = new RegExp(`[^\\w$](?:${escape(load!)}|${escape(url!)})\\(\`([^\`]+)\``, 'g');
  const names = new Set([...bundle.matchAll(calls)].map((match) => match[1]!));
  const dependencies = /dependencies:\{("@cfworker[^}]*)\}/.exec(bundle)?.[1] ?? '';
  const versions = new Map([...dependencies.matchAll(/"?([@\w/.-]+)"?:`\^?([^`]+)`/g)].map((match) => [match[1]!, match[2]!]));
  const reviewed = new Set([...Object.keys(ON_DEMAND_MODULES), ...Object.keys(URL_LOADED_OFF).filter((name) => names.has(name))]);
  const unknown = [...names].filter((name) => !reviewed.has(name));
  const gone = Object.keys(ON_DEMAND_MODULES).filter((name) => !names.has(name));
  if (unknown.length > 0 || gone.length > 0) {
    throw new Error(`Sveltia CMS bundle: on-demand modules changed (new: ${unknown.join(', ') || 'none'}; gone: ${gone.join(', ') || 'none'}); review them in src/lib/editor/admin-bundle.ts`);
  }
  for (const name of Object.keys(URL_LOADED_OFF)) {
    if (!bundle.includes(`${PACKAGE_CDN}${name}`) && !names.has(name)) throw new Error(`Sveltia CMS bundle: ${name} is no longer loaded by URL; review src/lib/editor/admin-bundle.ts`);
  }
  return Object.entries(ON_DEMAND_MODULES).map(([name, use]) => {
    const version = versions.get(name.replace('${t}', 'webp'));
    if (!version) throw new Error(`Sveltia CMS bundle: no version for ${name} in its package.json copy; review src/lib/editor/admin-bundle.ts`);
    return { name, version, use };
  });
}

/**
 * Sveltia adds its own viewport meta with `maximum-scale=1`, which stops pinch zoom in Safari and
 * fails WCAG 1.4.4 (axe: meta-viewport). The list it joins is rewritten without that entry.
 */
const NO_ZOOM = '[`width=device-width`,`initial-scale=1`,`maximum-scale=1`,`interactive-widget=resizes-content`]';
const ZOOM = '[`width=device-width`,`initial-scale=1`,`interactive-widget=resizes-content`]';
/**
 * In a browser set to another language Sveltia offers, in that language, to switch ("Change
 * Language", "Later"). The editor is Swedish by choice (svenska.js); the offer is never made, and
 * the language can still be changed in the editor's settings.
 */
const LANGUAGE_OFFER = /async\(\)=>\{if\(await [\w$]+\(`newLanguageCta`\)\)return;/g;

/**
 * Points the bundle's CDN URLs at `adminPath` (e.g. "/admin/"): unpkg.com/<pkg> becomes
 * <adminPath>vendor/<pkg>, each Fontsource font <adminPath>fonts/<file>. Throws when the bundle
 * no longer has the URLs this expects, so a Sveltia upgrade that moves them fails the build.
 */
export function rewriteSveltiaBundle(bundle: string, adminPath: string): RewriteResult {
  const fonts = bundleFonts(bundle);
  if (fonts.length === 0) throw new Error('Sveltia CMS bundle: no Fontsource font URL found; check src/lib/editor/admin-bundle.ts against the new bundle');
  if (!bundle.includes(`${PACKAGE_CDN}@sveltia/cms`)) {
    throw new Error('Sveltia CMS bundle: the unpkg.com base URL for locale strings is gone; check src/lib/editor/admin-bundle.ts against the new bundle');
  }
  let text = bundle.replace(FONT_COMMENT, '');
  for (const font of fonts) text = text.replaceAll(font.url, `${adminPath}fonts/${font.file}`);
  text = text.replaceAll(PACKAGE_CDN, `${adminPath}vendor/`);
  if (!text.includes(GITHUB_STATUS)) throw new Error('Sveltia CMS bundle: the GitHub status URL is gone; check src/lib/editor/admin-bundle.ts against the new bundle');
  text = text.replaceAll(GITHUB_STATUS, `${adminPath}vendor/${GITHUB_STATUS_FILE.name}`);
  if (text.split(NO_ZOOM).length !== 2) throw new Error('Sveltia CMS bundle: its viewport list with maximum-scale=1 is gone or moved; check src/lib/editor/admin-bundle.ts against the new bundle');
  text = text.replace(NO_ZOOM, ZOOM);
  if ((text.match(LANGUAGE_OFFER) ?? []).length !== 1) throw new Error('Sveltia CMS bundle: its offer to switch language is gone or moved; check src/lib/editor/admin-bundle.ts against the new bundle');
  text = text.replace(LANGUAGE_OFFER, 'async()=>{return;');
  return { text, fonts, modules: onDemandModules(bundle) };
}

/** Where the bundle fetches a locale's strings once rewritten (`${base}@${version}/locales/<code>.json`). */
export function localeUrlPath(adminPath: string, version: string, locale: string): string {
  return `${adminPath}vendor/@sveltia/cms@${version}/locales/${locale}.json`;
}

/** Every host named by an http(s) URL in a text. */
export function namedHosts(text: string): Set<string> {
  return new Set([...text.matchAll(/https?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?=[:/"'`\s)\\]|$)/gi)].map((match) => match[1]!.toLowerCase()));
}

/** Settings of the publish status line above the editor (src/admin/publish-status.ts). */
export interface PublishStatusSettings {
  /** GitHub repository "owner/name". */
  repo: string;
  branch: string;
  /** The deploy workflow's file name in .github/workflows/. */
  workflow: string;
}

/** The status line and the element Sveltia mounts in (its documented `#nc-root`), below the line. */
function publishStatusBody(settings: PublishStatusSettings | undefined): string {
  if (!settings) return '';
  return `
    <p id="publiceringsstatus" role="status">Webbplatsen: publiceringsstatus hämtas…</p>
    <div id="nc-root"></div>
  `;
}

function publishStatusHead(settings: PublishStatusSettings | undefined): string {
  if (!settings) return '';
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return `
    <link rel="stylesheet" href="webbredaktor.css" />
    <script type="module" src="filkontroll.js"></script>
    <script type="module" src="publiceringsstatus.js" data-repo="${attribute(settings.repo)}" data-branch="${attribute(settings.branch)}" data-workflow="${attribute(settings.workflow)}" data-build-json="../build.json"></script>`;
}

/**
 * The editor's HTML page: no inline script or style, so its CSP needs neither. `csp` is its policy
 * as a meta element, before the scripts, for hosts that send no headers (GitHub Pages).
 */
export function adminIndexHtml(options: { title: string; csp: string; publishStatus?: PublishStatusSettings }): string {
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${options.csp.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${options.title}</title>
    <link href="config.json" type="application/json" rel="cms-config-url" />
    <script src="svenska.js"></script>
    <script src="sveltia-cms.js"></script>
    <script src="forhandsvisning.js"></script>${publishStatusHead(options.publishStatus)}
  </head>
  <body>${publishStatusBody(options.publishStatus)}</body>
</html>
`;
}

/**
 * Runs before the bundle: Swedish unless the editor has picked another language in the editor's
 * settings (Sveltia keeps that choice in localStorage "sveltia-cms.prefs").
 */
export const SWEDISH_BY_DEFAULT = `// Swedish unless the editor has chosen another language in the editor's settings.
(() => {
  const key = 'sveltia-cms.prefs';
  let prefs = {};
  try {
    prefs = JSON.parse(localStorage.getItem(key) || '{}') || {};
  } catch {}
  if (!prefs.locale) localStorage.setItem(key, JSON.stringify({ ...prefs, locale: 'sv' }));
})();
`;

/** Runs after the bundle: the preview uses the site's own stylesheet. */
export function previewScript(stylesheetUrl: string): string {
  return `// The preview uses the site's own stylesheet, so a release looks as it will when published.
window.CMS.registerPreviewStyle(${JSON.stringify(stylesheetUrl)});
`;
}
