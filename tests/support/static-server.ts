import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.woff2': 'font/woff2',
  '.ics': 'text/calendar; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** Parses a Netlify/Cloudflare Pages `_headers` file: a path line, then indented "Name: value" lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    const rule = rules[rules.length - 1];
    // Cloudflare's "! Name" detaches a header a broader rule set.
    if (rule && /^\s+!/.test(line)) rule.headers.push([`!${line.trim().slice(1).trim()}`, '']);
    else if (rule && colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/**
 * How a host merges the rules that match one path. Both apply every matching rule. Cloudflare
 * Pages joins two values of one header with ", " (two CSPs then both apply) and lets "! Name"
 * detach a header; Netlify's own header code (netlify/primitives headersForPath) lets the later
 * rule's value replace the earlier one. GitHub Pages ignores `_headers` and sends none of them, so a
 * page's own `<meta http-equiv="Content-Security-Policy">` is all the policy it gets there.
 * @see https://developers.cloudflare.com/pages/configuration/headers/
 */
export type HeaderHost = 'cloudflare' | 'netlify' | 'github-pages';

/** The headers a host sends for a path (below the base), as lower-case name → value. */
export function headersFor(rules: HeaderRule[], urlPath: string, host: HeaderHost = 'cloudflare'): Record<string, string> {
  const result: Record<string, string> = {};
  if (host === 'github-pages') return result;
  for (const rule of rules) {
    if (!matches(rule.pattern, urlPath)) continue;
    for (const [rawName, value] of rule.headers) {
      const name = rawName.toLowerCase();
      if (host === 'cloudflare' && name.startsWith('!')) {
        delete result[name.slice(1).trim()];
        continue;
      }
      result[name] = host === 'cloudflare' && result[name] !== undefined ? `${result[name]}, ${value}` : value;
    }
  }
  return result;
}

function matches(pattern: string, urlPath: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(urlPath);
}

export interface RedirectRule {
  from: string;
  to: string;
  status: number;
}

/**
 * Parses a Netlify/Cloudflare Pages `_redirects` file: "from to [status]" per line, # for comments.
 * Only exact paths, which is all the build writes (src/lib/content/addresses.ts); status 301 unless given.
 * @see https://developers.cloudflare.com/pages/configuration/redirects/
 */
export function parseRedirectsFile(text: string): RedirectRule[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const [from, to, status] = line.trim().split(/\s+/);
    if (!from || from.startsWith('#') || !to) return [];
    return [{ from, to, status: status ? Number(status) : 301 }];
  });
}

export interface RunningServer {
  /** Origin plus base path, e.g. "http://127.0.0.1:40123/konferens/". */
  url: string;
  origin: string;
  close: () => Promise<void>;
}

/**
 * Content types Netlify and Cloudflare Pages gzip on the fly when the browser accepts it. Pagefind's
 * index files and wasm (application/octet-stream here) are gzip files already and go out as stored.
 * @see https://developers.cloudflare.com/speed/optimization/content/compression/
 */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|wasm)|image\/svg\+xml)/;

export interface ServeOptions {
  /** Gzip text responses as a real host does (off by default: tests read raw bodies and lengths). */
  compress?: boolean;
}

/**
 * Serves a built site the way a static host does: the redirects in `_redirects` first (Cloudflare
 * Pages follows them even where a file exists), then directory index, 404.html for unknown
 * paths, and the headers `_headers` assigns, merged as `host` merges them. 'github-pages' reads
 * neither file, as GitHub Pages does not.
 */
export async function serveSite(
  root: string,
  base = '/',
  host: HeaderHost = 'cloudflare',
  { compress = false }: ServeOptions = {},
): Promise<RunningServer> {
  const rules = await readFile(path.join(root, '_headers'), 'utf8').then(parseHeadersFile, () => []);
  const redirects = host === 'github-pages' ? [] : await readFile(path.join(root, '_redirects'), 'utf8').then(parseRedirectsFile, () => []);
  const server: Server = createServer(async (request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const headerPath = urlPath.startsWith(base) ? `/${urlPath.slice(base.length)}` : urlPath;
    const redirect = redirects.find((rule) => rule.from === urlPath);
    if (redirect) {
      response.writeHead(redirect.status, { Location: redirect.to, 'cache-control': 'no-store', ...headersFor(rules, headerPath, host) }).end();
      return;
    }
    let file = urlPath.startsWith(base) ? path.join(root, urlPath.slice(base.length)) : '';
    let status = 200;
    if (file && !path.resolve(file).startsWith(path.resolve(root))) file = '';
    const info = file ? await stat(file).catch(() => undefined) : undefined;
    if (info?.isDirectory()) {
      if (!urlPath.endsWith('/')) {
        response.writeHead(301, { Location: `${urlPath}/` }).end();
        return;
      }
      file = path.join(file, 'index.html');
    }
    if (!file || !(await stat(file).catch(() => undefined))?.isFile()) {
      file = path.join(root, '404.html');
      status = 404;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': 'no-store', ...headersFor(rules, headerPath, host) };
    const gzip = compress && COMPRESSIBLE.test(headers['content-type'] ?? type) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    if (gzip) Object.assign(headers, { 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
    response.writeHead(status, headers);
    if (request.method === 'HEAD') response.end();
    else if (gzip) createReadStream(file).pipe(createGzip({ level: 6 })).pipe(response);
    else createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
