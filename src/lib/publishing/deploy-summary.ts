/**
 * The deploy's summary on the run's page, in Swedish: which releases this deploy puts out, with their
 * addresses, and which stay scheduled and until when. The releases that go out are the entries of
 * kind "release" in the new build's address list (dist/pressmeddelanden/adresser.json) that the
 * live site's copy of that list does not have; the scheduled ones come from content/ at the build's
 * clock. scripts/deploy-summary.ts reads the files and writes the result to $GITHUB_STEP_SUMMARY.
 */
import { formatDateTimeWithWeekday, timeZoneLabel } from '../core/dates.ts';
import type { SiteAddress } from '../content/addresses.ts';
import { publicationState } from '../content/releases.ts';
import type { ClockedContent } from './due.ts';

/** Releases in `current` whose address is not a release in `live`: those this deploy puts out. */
export function newlyLive(current: readonly SiteAddress[], live: readonly SiteAddress[]): SiteAddress[] {
  const before = new Set(live.filter((entry) => entry.kind === 'release').map((entry) => entry.path));
  return current.filter((entry) => entry.kind === 'release' && !before.has(entry.path));
}

export interface ScheduledRelease {
  file: string;
  title: string;
  published: Date;
}

/** Releases still scheduled at `now` (not drafts), earliest first. */
export function stillScheduled(content: ClockedContent, now: Date): ScheduledRelease[] {
  return content.releases
    .filter((release) => publicationState(release, now) === 'scheduled')
    .map(({ file, title, published }) => ({ file, title, published }))
    .sort((a, b) => a.published.getTime() - b.published.getTime() || a.file.localeCompare(b.file));
}

export interface SummaryInput {
  /** The new build's address list; undefined when the build wrote none. */
  current: readonly SiteAddress[] | undefined;
  /** The live site's list; undefined when it could not be read (the first deploy, say). */
  live: readonly SiteAddress[] | undefined;
  scheduled: readonly ScheduledRelease[];
  /** The live site's address with its base path and a trailing slash. */
  siteUrl: string;
  /** The programme's time zone: times are shown as the editors wrote them. */
  timeZone: string;
}

/** The summary in Swedish Markdown. */
export function deploySummary({ current, live, scheduled, siteUrl, timeZone }: SummaryInput): string {
  const lines = ['## Publiceringen', '', '### Publiceras nu', ''];
  if (!current) {
    lines.push('Bygget skrev ingen adresslista (`pressmeddelanden/adresser.json`), så det går inte att säga vilka pressmeddelanden som är nya.');
  } else {
    const fresh = live ? newlyLive(current, live) : current.filter((entry) => entry.kind === 'release');
    if (!live) lines.push('Den publicerade webbplatsens adresslista gick inte att läsa (första publiceringen?), så alla pressmeddelanden räknas som nya.', '');
    if (fresh.length === 0) lines.push('Inga nya pressmeddelanden i den här publiceringen.');
    for (const entry of fresh) {
      const address = new URL(entry.path, siteUrl).href;
      lines.push(`- [${inline(entry.title ?? entry.path)}](${address}) \`${entry.file}\``);
    }
  }
  lines.push('', '### Schemalagda', '');
  if (scheduled.length === 0) {
    lines.push('Inget pressmeddelande är schemalagt.');
  } else {
    lines.push(`Tiderna är ${timeZoneLabel(timeZone)}. Varje pressmeddelande publiceras av den första schemalagda körningen efter sin tid (inom cirka 15 minuter).`, '');
    lines.push('| Publiceras | Rubrik | Fil |', '| --- | --- | --- |');
    for (const release of scheduled) {
      lines.push(`| ${formatDateTimeWithWeekday(release.published, timeZone)} | ${cell(release.title)} | \`${cell(release.file)}\` |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Text inside a Markdown link: brackets and backslashes escaped. */
function inline(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&').replace(/\s+/g, ' ');
}

/** Text inside a table cell: also the pipe. */
function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|');
}
