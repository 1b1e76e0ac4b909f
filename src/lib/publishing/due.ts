/**
 * "Is anything due?", answered from what the live site says about itself. Every build writes
 * /build.json with its clock, the commit it was built from and the next instant at which a build
 * would give a different site (`nextDue`). The scheduled gate (.github/workflows/due.yml) builds
 * when the live commit is not the head of `main`, or when `nextDue` has passed. A build's output
 * changes with its clock in exactly two ways: a scheduled release whose time has come appears
 * (src/lib/content/releases.ts), and the front page's upcoming/ongoing/over line moves on
 * (src/lib/core/status.ts), at the conference's start and end in its own time zone (a local midnight,
 * say, which is not UTC midnight). Everything else changes only with a commit.
 */
import { programmeSchema } from '../../schemas/programme.ts';
import { releaseSchema } from '../../schemas/release.ts';
import { CONTENT_LAYOUT, splitFrontmatter, type ContentFolder } from '../content-check/source.ts';
import { parseYamlSource } from '../content-check/yaml.ts';
import { resolveProgramme } from '../content/programme.ts';
import { publicationState } from '../content/releases.ts';

/** The facts about the content that depend on the clock. */
export interface ClockedContent {
  releases: { file: string; title: string; published: Date; draft: boolean }[];
  /** Start of the first conference day and end of the last; absent when the programme does not parse. */
  conference?: { start: Date; end: Date };
  /** The programme's time zone, for showing the times; absent when the programme does not parse. */
  timeZone?: string;
}

/**
 * The instants at which a build would change: the time of every release still scheduled at `now`,
 * and the conference's start and end.
 */
export function clockedInstants(content: ClockedContent, now: Date): Date[] {
  const instants = content.releases.filter((release) => publicationState(release, now) === 'scheduled').map((release) => release.published);
  if (content.conference) instants.push(content.conference.start, content.conference.end);
  return instants;
}

/**
 * The first of `instants` after `now`, rounded up to a whole second (the build's clock has whole
 * seconds, and a build at the rounded-down second would not yet see it); undefined when none is ahead.
 */
export function nextDue(instants: Iterable<Date>, now: Date): Date | undefined {
  let next: number | undefined;
  for (const instant of instants) {
    const time = instant.getTime();
    if (time > now.getTime() && (next === undefined || time < next)) next = time;
  }
  return next === undefined ? undefined : new Date(Math.ceil(next / 1000) * 1000);
}

/**
 * The releases' publication times and the conference's span, read with the site's own schemas.
 * A file that does not pass them is skipped: a build would stop on it, so it can never come due.
 */
export function clockedContent(folder: ContentFolder): ClockedContent {
  const releases: ClockedContent['releases'] = [];
  for (const name of folder.releases) {
    const file = folder.files.get(name);
    const frontmatter = file && splitFrontmatter(file.text).frontmatter;
    if (!file || !frontmatter) continue;
    const parsed = releaseSchema.safeParse(parseYamlSource(frontmatter.text, 0, { timestamps: true }).value);
    if (!parsed.success) continue;
    releases.push({ file: file.display, title: parsed.data.title, published: parsed.data.published, draft: parsed.data.draft });
  }
  const programmeFile = folder.files.get(CONTENT_LAYOUT.programme);
  const programme = programmeFile && programmeSchema.safeParse(parseYamlSource(programmeFile.text).value);
  if (!programme?.success) return { releases };
  const { start, end } = resolveProgramme(programme.data, []);
  return { releases, conference: { start, end }, timeZone: programme.data.timezone };
}

/**
 * The small file every build writes (/build.json). Times and a commit only, never a title or an
 * address: a scheduled release must not show before its time (docs/publicering.md says what the
 * times do reveal).
 */
export interface BuildFile {
  /** SOURCE_DATE_EPOCH of the build, whole seconds. */
  sourceDateEpoch: number;
  /** The same instant in ISO 8601 (UTC), for people reading the file. */
  clock: string;
  /** The commit the site was built from (40 hex digits); absent in a build outside CI or a host. */
  commit?: string;
  /** The next instant (ISO 8601, UTC) at which a build would change the site; absent when none is ahead. */
  nextDue?: string;
}

/**
 * The commit being built, as CI and hosts name it: GitHub Actions' GITHUB_SHA, Netlify's COMMIT_REF,
 * Cloudflare Pages' CF_PAGES_COMMIT_SHA; the first that holds a full SHA-1. Undefined elsewhere, so a
 * local or test build stays byte-identical to the next.
 */
export function buildCommit(env: Record<string, string | undefined> = process.env): string | undefined {
  for (const name of ['GITHUB_SHA', 'COMMIT_REF', 'CF_PAGES_COMMIT_SHA']) {
    const value = env[name]?.trim().toLowerCase();
    if (value && /^[0-9a-f]{40}$/.test(value)) return value;
  }
  return undefined;
}

/** The text of /build.json for a build at `now`. */
export function buildFileText(now: Date, { commit, nextDue }: { commit?: string; nextDue?: Date } = {}): string {
  const seconds = Math.floor(now.getTime() / 1000);
  const file: BuildFile = { sourceDateEpoch: seconds, clock: new Date(seconds * 1000).toISOString() };
  if (commit) file.commit = commit;
  if (nextDue) file.nextDue = nextDue.toISOString();
  return `${JSON.stringify(file, null, 2)}\n`;
}
