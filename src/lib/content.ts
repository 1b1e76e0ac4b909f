import { getCollection, type CollectionEntry } from 'astro:content';
import type { Contact } from '../schemas/contact.ts';
import type { Organisation } from '../schemas/organisation.ts';
import { resolveProgramme, type ResolvedProgramme, type SpeakerWithId } from './programme.ts';
import { publicationState } from './releases.ts';
import { buildTime } from './status.ts';

/** The one module that reads Astro collections; everything else takes the plain data it returns. */

export type ReleaseEntry = CollectionEntry<'releases'>;
export type ContactWithId = Contact & { id: string };
export type OrganisationWithId = Organisation & { id: string };

export interface SiteContent {
  programme: ResolvedProgramme;
  speakers: SpeakerWithId[];
  contacts: ContactWithId[];
  organisations: Map<string, OrganisationWithId>;
  /** Published releases, newest first (drafts and scheduled releases only in `astro dev`). */
  releases: ReleaseEntry[];
  /** The pages in content/sidor/, for the footer's links, by title. */
  pages: { id: string; title: string }[];
}

let cached: Promise<SiteContent> | undefined;

/**
 * Loads and resolves all content once per build. References between files are not checked here:
 * the content check (src/integrations/content-check.ts) has already stopped a build that has one.
 */
export function loadContent(): Promise<SiteContent> {
  // `astro dev` keeps this module while editors change content: load afresh for every page there.
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}

/**
 * The publication times of the releases still scheduled at the build's clock: times only, for
 * /build.json's `nextDue` (titles and addresses of scheduled releases stay out of every built file).
 */
export async function scheduledTimes(): Promise<Date[]> {
  const now = buildTime();
  const scheduled = await getCollection('releases', (entry) => publicationState(entry.data, now) === 'scheduled');
  return scheduled.map((entry) => entry.data.published);
}

async function load(): Promise<SiteContent> {
  // The one filter every page, feed, list and count goes through: a release whose time has not
  // come at the build's clock is in no built file (the search index is made from the pages).
  const now = buildTime();
  const [programmeEntries, speakerEntries, contactEntries, organisationEntries, releaseEntries, pageEntries] = await Promise.all([
    getCollection('programme'),
    getCollection('speakers'),
    getCollection('contacts'),
    getCollection('organisations'),
    getCollection('releases', (entry) => import.meta.env.DEV || publicationState(entry.data, now) === 'published'),
    getCollection('pages'),
  ]);
  const programmeEntry = programmeEntries[0];
  if (!programmeEntry) {
    throw new Error('program.yaml saknas eller kunde inte läsas. Kör "npm run check" för detaljer.');
  }
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id, 'sv');
  // Speakers appear in programme order, as in the press release; unbooked ones last, by name.
  const speakerOrder = programmeEntry.data.sessions.flatMap((session) => session.speakers);
  const speakerRank = (id: string) => (speakerOrder.includes(id) ? speakerOrder.indexOf(id) : speakerOrder.length);
  const speakers = speakerEntries
    .sort((a, b) => speakerRank(a.id) - speakerRank(b.id) || byId(a, b))
    .map((entry) => ({ id: entry.id, ...entry.data }));
  const contacts = contactEntries.map((entry) => ({ id: entry.id, ...entry.data }));
  const organisations = new Map(organisationEntries.map((entry) => [entry.id, { id: entry.id, ...entry.data }]));

  // Contacts keep the order the programme lists them in; the rest follow by name.
  const contactOrder = programmeEntry.data.contacts;
  const rank = (id: string) => (contactOrder.includes(id) ? contactOrder.indexOf(id) : contactOrder.length);
  contacts.sort((a, b) => rank(a.id) - rank(b.id) || a.name.localeCompare(b.name, 'sv'));

  return {
    programme: resolveProgramme(programmeEntry.data, speakers),
    speakers,
    contacts,
    organisations,
    releases: releaseEntries.sort(
      (a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id),
    ),
    pages: pageEntries
      .map((entry) => ({ id: entry.id, title: entry.data.title }))
      .sort((a, b) => a.title.localeCompare(b.title, 'sv') || a.id.localeCompare(b.id)),
  };
}

/** Every page in content/sidor/, sorted by id; each becomes /<id>/. */
export async function loadPages(): Promise<CollectionEntry<'pages'>[]> {
  return (await getCollection('pages')).sort((a, b) => a.id.localeCompare(b.id));
}
