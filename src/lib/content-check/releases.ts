import { instantField, nonExistentDateTime } from '../../schemas/fields.ts';
import { releaseSchema, type ReleaseData } from '../../schemas/release.ts';
import { formatDateTimeWithWeekday } from '../dates.ts';
import { publicationState } from '../releases.ts';
import { MAX_SLUG_LENGTH, slugify, slugIsCut } from '../slug.ts';
import { offsetProblem } from './offsets.ts';
import type { Problem } from './types.ts';
import type { YamlSource } from './yaml.ts';

export interface CheckedRelease {
  file: string;
  data: ReleaseData;
  source: YamlSource;
}

/**
 * Rules across releases: each needs its own web address (the slug comes from the headline, as in
 * src/content.config.ts). A release whose time lies after the build's clock is scheduled: the build
 * leaves it out (src/lib/content.ts), and the check says when it will be published. Times in
 * messages are shown in `timeZone`, the programme's.
 */
export function checkReleases(releases: readonly CheckedRelease[], now: Date, timeZone: string): Problem[] {
  const problems: Problem[] = [];
  const bySlug = new Map<string, CheckedRelease>();
  for (const release of releases) {
    const slug = slugify(release.data.title);
    // Positions are looked up only for a problem: they cost a second, position-keeping parse.
    const position = () => release.source.locate(['title']).position;
    if (slug === '') {
      problems.push({
        severity: 'error',
        file: release.file,
        position: position(),
        field: 'title',
        message: 'Rubriken innehåller inga bokstäver eller siffror, så den ger ingen webbadress. Skriv en rubrik med ord.',
      });
      continue;
    }
    const earlier = bySlug.get(slug);
    if (earlier) {
      problems.push({
        severity: 'error',
        file: release.file,
        position: position(),
        field: 'title',
        message:
          `Rubriken ger samma webbadress, /pressmeddelanden/${slug}/, som ${earlier.file} ` +
          `(rad ${earlier.source.locate(['title']).position.line}). Två pressmeddelanden kan inte ha samma adress: ändra rubriken på det ena.`,
      });
    } else {
      bySlug.set(slug, release);
    }
    if (slug !== '' && slugIsCut(release.data.title)) {
      problems.push({
        severity: 'warning',
        file: release.file,
        position: position(),
        field: 'title',
        message:
          `Rubriken är mycket lång (${release.data.title.length} tecken), så webbadressen kortas vid ett ordslut till ` +
          `${MAX_SLUG_LENGTH} tecken: /pressmeddelanden/${slug}/. Överväg en kortare rubrik och lägg resten i ingressen.`,
      });
    }
    problems.push(...checkOffsets(release, timeZone));
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
