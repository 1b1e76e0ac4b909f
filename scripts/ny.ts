/**
 * `npm run ny -- "Rubrik"`: writes a new press release as a draft, dated now in the programme's time zone,
 * with a frontmatter template that passes the content check. Never overwrites a file.
 */
import { open, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readContentFolder, CONTENT_LAYOUT } from '../src/lib/content-check/index.ts';
import { splitFrontmatter } from '../src/lib/content-check/source.ts';
import { isoWithOffset, localDate, timeZoneLabel } from '../src/lib/core/dates.ts';
import { programmeSchema } from '../src/schemas/programme.ts';
import { settingsOrExit } from '../src/lib/core/settings.ts';
import { MAX_SLUG_LENGTH, slugify, slugIsCut } from '../src/lib/core/slug.ts';
import { fileStem, releaseSlugs } from '../src/lib/content/addresses.ts';
import { addressField } from '../src/schemas/fields.ts';
import { buildTime } from '../src/lib/core/status.ts';

const root = path.resolve(import.meta.dirname, '..');
const contentDir = path.resolve(root, settingsOrExit(process.env).contentDir);

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const title = process.argv.slice(2).join(' ').replace(/\s+/g, ' ').trim();
if (title === '') fail('Skriv rubriken inom citattecken efter --, till exempel:\n  npm run ny -- "Rubrik på pressmeddelandet"', 2);
const wanted = slugify(title);
if (wanted === '') fail(`Rubriken "${title}" innehåller inga bokstäver eller siffror, så den ger ingen webbadress.`, 2);

const folder = await readContentFolder(contentDir, root);
// The file name is the address for good (src/lib/content/addresses.ts). An address another release has, had
// (previousAddresses) or asks for is not given out again: the new file gets the next free one.
const names = folder.releases.map((name) => name.slice(CONTENT_LAYOUT.releases.length + 1));
const taken = new Set([...releaseSlugs(names).values(), ...names.map((name) => fileStem(name).slug)]);
for (const name of folder.releases) {
  const frontmatter = splitFrontmatter(folder.files.get(name)?.text ?? '').frontmatter;
  try {
    const previous: unknown = frontmatter ? (parse(frontmatter.text) as Record<string, unknown> | null)?.previousAddresses : undefined;
    if (Array.isArray(previous)) for (const value of previous) if (typeof value === 'string') taken.add(addressField.safeParse(value).data ?? value);
  } catch {
    continue; // A broken file is the content check's business, not a reason to refuse.
  }
}
let slug = wanted;
for (let n = 2; taken.has(slug) || /^\d+$/.test(slug); n += 1) slug = `${wanted}-${n}`;

// Sender and contacts default to the conference's own, so the draft builds as it stands.
const programme = readYaml(folder.files.get(CONTENT_LAYOUT.programme)?.text);
const organisations = ids(programme?.organisers).length > 0
  ? ids(programme?.organisers)
  : folder.entities.organisations.slice(0, 1).map((name) => path.posix.basename(name, '.yaml'));
const contacts = ids(programme?.contacts);
// Dated in the conference's own time zone, as the site shows every time (the schema's default when unset).
const zoneResult = programmeSchema.shape.timezone.safeParse(programme?.timezone);
const timeZone = zoneResult.success ? zoneResult.data : programmeSchema.shape.timezone.parse(undefined);

const now = buildTime();
const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
const file = path.join(contentDir, CONTENT_LAYOUT.releases, `${localDate(now, timeZone)}-${slug}.md`);
const list = (values: string[]) => (values.length === 0 ? ' []' : `\n${values.map((value) => `  - ${value}`).join('\n')}`);

const text = `---
# Rubriken. Webbadressen blir /pressmeddelanden/${slug}/ (filens namn) och ändras inte om du rättar rubriken.
title: ${stringify(title).trim()}
# Ingress: en mening under rubriken. Ta bort # i början av raden och skriv din egen.
# ingress: Kort sammanfattning av pressmeddelandet
# Publiceringstid i ${timeZoneLabel(timeZone)} (${timeZone}), med tidszonens avvikelse från UTC sist.
published: "${isoWithOffset(minute, timeZone)}"
kind: Pressmeddelande
# Avsändare: id (filnamn utan .yaml) från content/organisationer/. Den första organisationens "Om"-text visas sist.
organisations:${list(organisations)}
# Kontaktpersoner: id (filnamn utan .yaml) från content/kontakter/.
contacts:${list(contacts)}
tags: []
# Utkast syns bara med "npm run dev". Ändra till false när pressmeddelandet ska publiceras.
draft: true
---

Skriv pressmeddelandets text här. Börja en mellanrubrik med ## och lämna en tom rad mellan styckena.
`;

await mkdir(path.dirname(file), { recursive: true });
try {
  // "wx": fails if the file exists, so an editor's text is never overwritten.
  const handle = await open(file, 'wx');
  await handle.writeFile(text, 'utf8');
  await handle.close();
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
    fail(`Filen finns redan och skrivs inte över: ${path.relative(root, file)}. Öppna den, eller välj en annan rubrik.`);
  }
  throw error;
}

const shown = path.relative(root, file).startsWith('..') ? file : path.relative(root, file);
console.log(`Nytt pressmeddelande: ${shown}`);
console.log(`Webbadress: /pressmeddelanden/${slug}/ (den följer filens namn och ändras inte om du rättar rubriken)`);
if (slug !== wanted) {
  console.log(`Adressen /pressmeddelanden/${wanted}/ används redan, så det här pressmeddelandet får /pressmeddelanden/${slug}/.`);
} else if (slugIsCut(title)) {
  console.log(`Rubriken är mycket lång, så webbadressen kortas vid ett ordslut till ${MAX_SLUG_LENGTH} tecken: /pressmeddelanden/${slug}/`);
}
console.log('Det är ett utkast (draft: true): det syns med "npm run dev" men publiceras inte förrän du ändrar till draft: false.');

function readYaml(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
}
