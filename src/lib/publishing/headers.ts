/**
 * The Content-Security-Policy rules of the `_headers` file for Netlify and Cloudflare Pages,
 * appended at build time to the hand-written rules in public/_headers.
 *
 * Both hosts apply every rule whose path matches a request: Cloudflare Pages joins two values of
 * one header with a comma, and two Content-Security-Policy values mean both policies apply; Netlify
 * has no way to detach a header a broader rule set. So the site's policy is never given to "/*":
 * it is listed for the site's own paths, and /admin/ (the web editor) gets its own policy alone.
 * Headers that are the same everywhere stay on "/*".
 */

/** The site's policy: no inline script or style, no third-party origin; Pagefind compiles WebAssembly. */
export const SITE_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * A policy as a `<meta http-equiv="Content-Security-Policy">` can carry it: browsers ignore
 * frame-ancestors, report-uri, report-to and sandbox there (and say so in the console), so they go.
 * Every page carries its policy this way too, for hosts that send no headers (GitHub Pages ignores
 * `_headers`); where both arrive, both apply and the stricter wins, and they are the same policy.
 */
export function metaPolicy(policy: string): string {
  return policy
    .split(/;\s*/)
    .filter((directive) => !/^(frame-ancestors|report-uri|report-to|sandbox)\b/.test(directive))
    .join('; ');
}

/** The site's policy as a <meta> element, on every page (src/layouts/BaseLayout.astro). */
export const SITE_CSP_META = metaPolicy(SITE_CSP);

/**
 * The web editor's policy: its own files, GitHub's API (sign-in check, reading and committing
 * content), blob: and data: for images being uploaded and previewed. Svelte sets styles at run
 * time, hence 'unsafe-inline' for styles, here only.
 */
export const ADMIN_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self' https://api.github.com blob: data:; worker-src 'self' blob:; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** The web editor's policy as a <meta> element, in /admin/index.html (src/lib/editor/admin-bundle.ts). */
export const ADMIN_CSP_META = metaPolicy(ADMIN_CSP);

/** Folder of the web editor in the output, below the base path. */
export const ADMIN_FOLDER = 'admin';

export interface OutputEntry {
  name: string;
  directory: boolean;
}

/**
 * `_headers`: the hand-written rules (public/_headers) followed by the CSP rules for the top-level
 * entries of the output folder. `later` names folders written after Astro (the search index), so
 * they get the site policy too.
 */
export function headersFile(handWritten: string, entries: OutputEntry[], later: string[] = []): string {
  if (/Content-Security-Policy/i.test(handWritten.replace(/^\s*#.*$/gm, ''))) {
    throw new Error('public/_headers sets a Content-Security-Policy; src/lib/publishing/headers.ts writes the policies (a CSP on /* would reach /admin/)');
  }
  const all = new Map<string, boolean>(entries.map((entry) => [entry.name, entry.directory]));
  for (const name of later) all.set(name, true);
  // The hosts read these two and never serve them (the build writes _redirects: src/lib/content/addresses.ts).
  all.delete('_headers');
  all.delete('_redirects');
  const sitePaths = ['/', ...[...all].filter(([name]) => name !== ADMIN_FOLDER).sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, directory]) => (directory ? `/${name}/*` : `/${name}`))];
  const block = (path: string, lines: string[]) => `${path}\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
  return [
    handWritten.trimEnd(),
    '',
    '# Appended by the build (src/lib/publishing/headers.ts): the site\'s Content-Security-Policy for each of its',
    '# own paths, never for /admin/, which has its own (both hosts apply every matching rule).',
    ...sitePaths.map((path) => block(path, [`Content-Security-Policy: ${SITE_CSP}`])),
    block(`/${ADMIN_FOLDER}/*`, [`Content-Security-Policy: ${ADMIN_CSP}`, 'X-Robots-Tag: noindex']),
  ].join('\n');
}
