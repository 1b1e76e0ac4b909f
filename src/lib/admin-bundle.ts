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
}

/**
 * Points the bundle's CDN URLs at `adminPath` (e.g. "/admin/"): unpkg.com/<pkg> becomes
 * <adminPath>vendor/<pkg>, each Fontsource font <adminPath>fonts/<file>. Throws when the bundle
 * no longer has the URLs this expects, so a Sveltia upgrade that moves them fails the build.
 */
export function rewriteSveltiaBundle(bundle: string, adminPath: string): RewriteResult {
  const fonts = bundleFonts(bundle);
  if (fonts.length === 0) throw new Error('Sveltia CMS bundle: no Fontsource font URL found; check src/lib/admin-bundle.ts against the new bundle');
  if (!bundle.includes(`${PACKAGE_CDN}@sveltia/cms`)) {
    throw new Error('Sveltia CMS bundle: the unpkg.com base URL for locale strings is gone; check src/lib/admin-bundle.ts against the new bundle');
  }
  let text = bundle.replace(FONT_COMMENT, '');
  for (const font of fonts) text = text.replaceAll(font.url, `${adminPath}fonts/${font.file}`);
  text = text.replaceAll(PACKAGE_CDN, `${adminPath}vendor/`);
  if (!text.includes(GITHUB_STATUS)) throw new Error('Sveltia CMS bundle: the GitHub status URL is gone; check src/lib/admin-bundle.ts against the new bundle');
  text = text.replaceAll(GITHUB_STATUS, `${adminPath}vendor/${GITHUB_STATUS_FILE.name}`);
  return { text, fonts };
}

/** Where the bundle fetches a locale's strings once rewritten (`${base}@${version}/locales/<code>.json`). */
export function localeUrlPath(adminPath: string, version: string, locale: string): string {
  return `${adminPath}vendor/@sveltia/cms@${version}/locales/${locale}.json`;
}

/** Every host named by an http(s) URL in a text. */
export function namedHosts(text: string): Set<string> {
  return new Set([...text.matchAll(/https?:\/\/([a-z0-9.-]+\.[a-z]{2,})(?=[:/"'`\s)\\]|$)/gi)].map((match) => match[1]!.toLowerCase()));
}

/** The editor's HTML page: no inline script or style, so its CSP needs neither. */
export function adminIndexHtml(options: { title: string }): string {
  return `<!doctype html>
<html lang="sv">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>${options.title}</title>
    <link href="config.json" type="application/json" rel="cms-config-url" />
    <script src="svenska.js"></script>
    <script src="sveltia-cms.js"></script>
    <script src="forhandsvisning.js"></script>
  </head>
  <body></body>
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
