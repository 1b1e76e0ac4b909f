/**
 * `node scripts/due.ts <deployed build.json: URL or file>`: is a new build due? The scheduled deploy
 * runs this before building. It reads the deployed site's clock from its /build.json, compares the
 * content with it at the current time (SOURCE_DATE_EPOCH when set, as for the build), prints why,
 * and writes `due=true` or `due=false` to $GITHUB_OUTPUT when that is set. Without a readable
 * build.json (first deploy, site down) the answer is yes: building again is always safe.
 */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readContentFolder } from '../src/lib/content-check/source.ts';
import { clockedContent, describeReasons, dueSince, readBuildFile } from '../src/lib/due.ts';
import { siteSettings } from '../src/lib/settings.ts';
import { buildTime } from '../src/lib/status.ts';

const deployed = process.argv[2];
if (!deployed) {
  console.error('usage: node scripts/due.ts <URL or path of the deployed build.json>');
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, '..');
const now = buildTime();
let lines: string[];
let due: boolean;
try {
  const since = readBuildFile(await fetchText(deployed));
  const folder = await readContentFolder(path.resolve(root, siteSettings(process.env).contentDir), root);
  const reasons = dueSince(clockedContent(folder), since, now);
  due = reasons.length > 0;
  lines = due ? describeReasons(reasons) : [`nothing due between ${since.toISOString()} and ${now.toISOString()}`];
} catch (error) {
  due = true;
  lines = [`due: the deployed build's clock is unknown (${error instanceof Error ? error.message : String(error)})`];
}

for (const line of lines) console.log(line);
if (process.env.GITHUB_OUTPUT) await appendFile(process.env.GITHUB_OUTPUT, `due=${due}\n`);

async function fetchText(location: string): Promise<string> {
  if (!/^https?:\/\//.test(location)) return readFile(location, 'utf8');
  // A fresh copy: GitHub Pages' CDN caches files for up to ten minutes, and an older build.json
  // would only cause a needless build, but a query it has not seen before goes to the origin.
  const url = new URL(location);
  url.searchParams.set('t', String(Math.floor(Date.now() / 1000)));
  const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`${location} answered ${response.status}`);
  return response.text();
}
