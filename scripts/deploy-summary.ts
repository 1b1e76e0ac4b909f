/**
 * `node scripts/deploy-summary.ts <live site URL with base path>`, after `npm run build` in the
 * deploy: appends to $GITHUB_STEP_SUMMARY (or prints) in Swedish which releases this deploy puts
 * out, with their addresses, and what stays scheduled until when (src/lib/publishing/deploy-summary.ts). It
 * compares the build's dist/pressmeddelanden/adresser.json with the live site's copy, and reads
 * content/ at the build's clock (SOURCE_DATE_EPOCH). A summary is a courtesy: nothing here fails the deploy.
 */
import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readContentFolder } from '../src/lib/content-check/source.ts';
import { parseAddressFile, type SiteAddress } from '../src/lib/content/addresses.ts';
import { deploySummary, stillScheduled } from '../src/lib/publishing/deploy-summary.ts';
import { clockedContent } from '../src/lib/publishing/due.ts';
import { DEFAULT_TIME_ZONE } from '../src/schemas/programme.ts';
import { siteSettings } from '../src/lib/core/settings.ts';
import { buildTime } from '../src/lib/core/status.ts';

const LIST = 'pressmeddelanden/adresser.json';

try {
  const siteUrl = new URL(process.argv[2] ?? '').href.replace(/\/?$/, '/');
  const root = path.resolve(import.meta.dirname, '..');
  const settings = siteSettings(process.env);
  const content = clockedContent(await readContentFolder(path.resolve(root, settings.contentDir), root));
  const summary = deploySummary({
    current: await addresses(() => readFile(path.resolve(root, settings.outDir, LIST), 'utf8')),
    live: await addresses(() => fetchLive(new URL(LIST, siteUrl))),
    scheduled: stillScheduled(content, buildTime()),
    siteUrl,
    timeZone: content.timeZone ?? DEFAULT_TIME_ZONE,
  });
  if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, summary);
  else process.stdout.write(summary);
} catch (error) {
  console.log(`::warning title=Sammanfattningen::Sammanfattningen kunde inte skrivas: ${error instanceof Error ? error.message : String(error)}`);
}

/** An address list, or undefined when it cannot be had or read (said in the log). */
async function addresses(read: () => Promise<string>): Promise<SiteAddress[] | undefined> {
  try {
    return parseAddressFile(await read());
  } catch (error) {
    console.log(`Adresslistan kunde inte läsas: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** The live copy, past the CDN's cache (a query it has not seen goes to the origin). */
async function fetchLive(url: URL): Promise<string> {
  url.searchParams.set('t', String(Math.floor(Date.now() / 1000)));
  const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`${url.origin}${url.pathname} svarade ${response.status}`);
  return response.text();
}
