/**
 * "Has anything come due since the deployed build?" The scheduled deploy (.github/workflows/deploy.yml)
 * asks this every 15 minutes and builds only when the answer is yes. A build's output changes with
 * its clock in exactly two ways: a scheduled release whose time has come appears
 * (src/lib/releases.ts), and the front page's upcoming/ongoing/over line moves on
 * (src/lib/status.ts). Everything else changes only with a commit, and a push deploys by itself.
 */
import { programmeSchema } from '../schemas/programme.ts';
import { releaseSchema } from '../schemas/release.ts';
import { CONTENT_LAYOUT, splitFrontmatter, type ContentFolder } from './content-check/source.ts';
import { parseYamlSource } from './content-check/yaml.ts';
import { resolveProgramme } from './programme.ts';
import { publicationState } from './releases.ts';
import { conferenceStatus } from './status.ts';

/** The facts about the content that depend on the clock. */
export interface ClockedContent {
  releases: { file: string; title: string; published: Date; draft: boolean }[];
  /** Start of the first conference day and end of the last; absent when the programme does not parse. */
  conference?: { start: Date; end: Date };
}

/** Why a build is needed; empty means the deployed site is still what a build now would give. */
export type DueReason =
  | { kind: 'release'; file: string; title: string; published: Date }
  | { kind: 'status'; from: string; to: string };

/** Everything that changed in the built site's clock-dependent output between `since` and `now`. */
export function dueSince(content: ClockedContent, since: Date, now: Date): DueReason[] {
  const reasons: DueReason[] = [];
  for (const release of content.releases) {
    if (publicationState(release, since) === 'scheduled' && publicationState(release, now) === 'published') {
      reasons.push({ kind: 'release', file: release.file, title: release.title, published: release.published });
    }
  }
  if (content.conference) {
    const { start, end } = content.conference;
    const from = conferenceStatus(since, start, end);
    const to = conferenceStatus(now, start, end);
    if (from !== to) reasons.push({ kind: 'status', from, to });
  }
  return reasons;
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
  return { releases, conference: { start, end } };
}

/** The small file every build writes (/build.json): the clock the deployed site was built with. */
export interface BuildFile {
  /** SOURCE_DATE_EPOCH of the build, whole seconds. */
  sourceDateEpoch: number;
  /** The same instant in ISO 8601 (UTC), for people reading the file. */
  clock: string;
}

/** The text of /build.json for a build at `now`; only the clock, so rebuilds stay byte-identical. */
export function buildFileText(now: Date): string {
  const seconds = Math.floor(now.getTime() / 1000);
  const file: BuildFile = { sourceDateEpoch: seconds, clock: new Date(seconds * 1000).toISOString() };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** The clock in a deployed /build.json, or an error saying what is wrong with the file. */
export function readBuildFile(text: string): Date {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('build.json is not JSON');
  }
  const epoch = (parsed as Partial<BuildFile> | null)?.sourceDateEpoch;
  if (typeof epoch !== 'number' || !Number.isInteger(epoch) || epoch < 0) {
    throw new Error('build.json has no whole-second "sourceDateEpoch"');
  }
  return new Date(epoch * 1000);
}

/** One line per reason, for the workflow's log. */
export function describeReasons(reasons: readonly DueReason[]): string[] {
  return reasons.map((reason) =>
    reason.kind === 'release'
      ? `due: ${reason.file} ("${reason.title}") was scheduled for ${reason.published.toISOString()}`
      : `due: the conference status changes from ${reason.from} to ${reason.to}`,
  );
}
