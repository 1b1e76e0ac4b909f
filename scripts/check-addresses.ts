/**
 * `node scripts/check-addresses.ts <live adresser.json: URL or file> <dist folder>`: would this deploy
 * break a published address? The deploy runs it right after the build. It compares the live site's
 * list of release addresses (pressmeddelanden/adresser.json, src/lib/content/addresses.ts) with the new
 * build's, and fails, in Swedish and with a GitHub annotation on the release's file, when a live
 * address would vanish with neither a redirect (previousAddresses) nor a withdrawal notice
 * (withdrawn). Without a readable live list (the first deploy, a site built before the list existed,
 * a site that is down) there is nothing to compare: it passes with a note.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ADDRESS_FILE, parseAddressFile, vanishedAddresses, vanishedMessage, type SiteAddress } from '../src/lib/content/addresses.ts';
import { escapeData, escapeProperty } from '../src/lib/content-check/github.ts';
import { siteSettings } from '../src/lib/core/settings.ts';

const [liveLocation, distDir] = process.argv.slice(2);
if (!liveLocation || !distDir) {
  console.error('usage: node scripts/check-addresses.ts <URL or path of the live adresser.json> <dist folder>');
  process.exit(2);
}
const base = siteSettings(process.env).base;
const annotate = process.env.GITHUB_ACTIONS === 'true';

let live: SiteAddress[];
try {
  live = parseAddressFile(await fetchText(liveLocation));
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  console.log(`Adresskontrollen: ingen publicerad adresslista att jämföra med (${reason}). Det är väntat vid första publiceringen; kontrollen hoppas över.`);
  if (annotate) console.log(`::notice title=${escapeProperty('Adresskontrollen hoppades över')}::${escapeData(reason)}`);
  process.exit(0);
}

const next = parseAddressFile(await readFile(path.join(distDir, ADDRESS_FILE), 'utf8'));
const vanished = vanishedAddresses(live, next);
if (vanished.length === 0) {
  console.log(`Adresskontrollen: alla ${live.length} publicerade adresser till pressmeddelanden finns kvar i det nya bygget.`);
  process.exit(0);
}
for (const address of vanished) {
  const message = vanishedMessage(address, base);
  console.error(`FEL ${address.file}\n    ${message}`);
  if (annotate) console.log(`::error file=${escapeProperty(address.file)},title=${escapeProperty('Publicerad adress försvinner')}::${escapeData(message)}`);
}
console.error(`\nAdresskontrollen: ${vanished.length} av ${live.length} publicerade adresser skulle försvinna. Webbplatsen publicerades inte.`);
process.exit(1);

async function fetchText(location: string): Promise<string> {
  if (!/^https?:\/\//.test(location)) return readFile(location, 'utf8');
  // A query the CDN has not seen goes to the origin: the list the live site serves now.
  const url = new URL(location);
  url.searchParams.set('t', String(Math.floor(Date.now() / 1000)));
  const response = await fetch(url, { signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`${location} svarade ${response.status}`);
  return response.text();
}
