import { instantField, nonExistentDateTime } from '../../schemas/fields.ts';
import { releaseSchema, type ReleaseData } from '../../schemas/release.ts';
import { fileStem, releaseSlugs } from '../content/addresses.ts';
import { formatDateTime, formatDateTimeWithWeekday } from '../core/dates.ts';
import { publicationState } from '../content/releases.ts';
import { MAX_SLUG_LENGTH, slugIsCut } from '../core/slug.ts';
import { offsetProblem } from './offsets.ts';
import { CONTENT_LAYOUT } from './source.ts';
import type { Problem } from './types.ts';
import type { YamlSource } from './yaml.ts';

export interface CheckedRelease {
  file: string;
  /** Path relative to the releases folder: "2019-09-23-konferens.md". */
  name: string;
  data: ReleaseData;
  source: YamlSource;
}

/**
 * Rules across releases. Each release's address comes from its file name (src/lib/content/addresses.ts, as
 * the build makes it): the check says when a file name is cut or shared, and checks the fields that
 * move (`previousAddresses`) or withdraw (`withdrawn`) an address. A release whose time lies after the
 * build's clock is scheduled: the build leaves it out (src/lib/content/content.ts), and the check says when
 * it will be published. Times in messages are shown in `timeZone`, the programme's. `names` lists
 * every release file, valid or not: addresses are given out over all of them.
 */
export function checkReleases(releases: readonly CheckedRelease[], now: Date, timeZone: string, names: readonly string[] = releases.map((release) => release.name)): Problem[] {
  const problems: Problem[] = [];
  const slugs = releaseSlugs(names);
  const address = (slug: string) => `/pressmeddelanden/${slug}/`;
  const ownerOf = new Map([...slugs].map(([name, slug]) => [slug, name]));
  const claimed = new Map<string, CheckedRelease>();
  const displayOf = (name: string | undefined) => releases.find((release) => release.name === name)?.file ?? `${CONTENT_LAYOUT.releases}/${name}`;
  // In the order the names came (the folder's, sorted): which of two releases claiming one earlier
  // address is reported does not depend on which file was read first.
  const order = new Map(names.map((name, index) => [name, index]));
  const byCreation = [...releases].sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  for (const release of byCreation) {
    const slug = slugs.get(release.name) ?? '';
    const { slug: asked } = fileStem(release.name);
    // Positions are looked up only for a problem: they cost a second, position-keeping parse.
    const titlePosition = () => release.source.locate(['title']).position;
    if (asked !== slug) {
      problems.push({
        severity: 'info',
        file: release.file,
        position: titlePosition(),
        message:
          `Filnamnet ger adressen ${address(asked)}, men den har redan ett pressmeddelande som skapades tidigare (${displayOf(ownerOf.get(asked))}). ` +
          `Det här får adressen ${address(slug)}.`,
      });
    }
    const base = release.name.slice(release.name.lastIndexOf('/') + 1).replace(/\.mdx?$/, '');
    if (slugIsCut(base.replace(/^\d{4}-\d{2}-\d{2}-/, ''))) {
      problems.push({
        severity: 'warning',
        file: release.file,
        position: titlePosition(),
        message: `Filnamnet är mycket långt, så webbadressen kortas vid ett ordslut till ${MAX_SLUG_LENGTH} tecken: ${address(slug)}.`,
      });
    }
    problems.push(...checkOffsets(release, timeZone));
    release.data.previousAddresses.forEach((previous, index) => {
      const field = `previousAddresses[${index}]`;
      const problem = (message: string) =>
        problems.push({ severity: 'error', file: release.file, position: release.source.locate(['previousAddresses', index]).position, field, message });
      const owner = ownerOf.get(previous);
      if (/^\d+$/.test(previous)) {
        problem(`${address(previous)} är en sida i listan över pressmeddelanden och kan inte leda hit. Ta bort raden.`);
      } else if (owner === release.name) {
        problem(`${address(previous)} är pressmeddelandets egen adress, inte en tidigare. Ta bort raden.`);
      } else if (owner !== undefined) {
        problem(
          `${address(previous)} är adressen till ett annat pressmeddelande (${displayOf(owner)}), så den kan inte leda hit. ` +
            'Ta bort raden, eller skriv den adress som det här pressmeddelandet hade tidigare.',
        );
      } else if (claimed.has(previous) && claimed.get(previous) !== release) {
        problem(`${address(previous)} står redan som tidigare adress i ${claimed.get(previous)?.file}. En gammal adress kan bara leda till ett pressmeddelande.`);
      } else {
        claimed.set(previous, release);
      }
    });
    const { withdrawn, published } = release.data;
    if (withdrawn) {
      const position = release.source.locate(['withdrawn']).position;
      const problem = (message: string) => problems.push({ severity: 'error', file: release.file, position, field: 'withdrawn', message });
      if (withdrawn.getTime() < published.getTime()) {
        problem(
          `Pressmeddelandet kan inte dras tillbaka (${formatDateTime(withdrawn, timeZone)}) innan det publicerades (${formatDateTime(published, timeZone)}). Rätta tiden.`,
        );
      } else if (withdrawn.getTime() > now.getTime()) {
        problem(
          `Tiden ${formatDateTime(withdrawn, timeZone)} har inte kommit än. Ett pressmeddelande dras tillbaka med nästa bygge och kan inte schemaläggas: skriv tiden då du drar tillbaka det, eller vänta.`,
        );
      }
    }
    if (publicationState(release.data, now) === 'scheduled') {
      problems.push({
        severity: 'info',
        file: release.file,
        position: release.source.locate(['published']).position,
        field: 'published',
        message: `Schemalagt: publiceras ${formatDateTimeWithWeekday(release.data.published, timeZone)}`,
      });
    }
  }
  return problems;
}

/** The release fields that hold an instant ("published", "updated"), read from the schema. */
const INSTANT_FIELDS = Object.entries(releaseSchema.shape)
  .filter(([, schema]) => schema === instantField || ('unwrap' in schema && schema.unwrap() === instantField))
  .map(([key]) => key);

/**
 * Every instant field written with the offset the programme's zone has then (./offsets.ts). A quoted
 * value is read as the string it is; an unquoted one, which js-yaml made a Date, from the file's text.
 */
function checkOffsets(release: CheckedRelease, timeZone: string): Problem[] {
  const value = release.source.value as Record<string, unknown> | undefined;
  return INSTANT_FIELDS.flatMap((field) => {
    const raw = value?.[field];
    const written = raw instanceof Date ? release.source.locate([field]).found?.text : raw;
    const message = typeof written === 'string' ? offsetProblem(written, timeZone) : undefined;
    return message ? [{ severity: 'error' as const, file: release.file, position: release.source.locate([field]).position, field, message }] : [];
  });
}

/**
 * An unquoted date or time in frontmatter becomes a Date before any schema sees it (js-yaml, the
 * parser Astro uses): without an offset it is a UTC instant, so 2019-09-23 would silently mean 02.00
 * Swedish time; and a value that does not exist is rolled over (30 February becomes 2 March). Both are
 * judged here from the text as written, for every instant field of a release.
 */
export function checkUnquotedInstants(source: YamlSource, file: string): Problem[] {
  const value = source.value as Record<string, unknown> | undefined;
  return INSTANT_FIELDS.flatMap((field) => (value?.[field] instanceof Date ? unquotedInstant(source, file, field) : []));
}

function unquotedInstant(source: YamlSource, file: string, field: string): Problem[] {
  const located = source.locate([field]);
  const literal = located.found?.text ?? '';
  const problem = (message: string): Problem[] => [{ severity: 'error', file, position: located.position, field, message }];
  if (/\d:\d\d(?::\d\d(?:\.\d*)?)?\s*(?:Z|[+-]\d{1,2}(?::?\d\d)?)$/i.test(literal)) {
    const wrong = nonExistentDateTime(literal);
    return wrong ? problem(`Hittade "${literal}", men fältet är inte en tidpunkt som finns: ${wrong}.`) : [];
  }
  return problem(
    `Hittade ${literal || 'ett datum'} utan citattecken och tidszon, som läses som en tid i UTC och inte i konferensens tidszon. ` +
      'Skriv datum, tid och tidszon inom citattecken, till exempel "2019-09-23T13:57:00+02:00".',
  );
}
