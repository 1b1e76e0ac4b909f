import { getCollection, type CollectionEntry } from 'astro:content';
import type { Contact } from '../../schemas/contact.ts';
import type { Organisation } from '../../schemas/organisation.ts';
import { resolveProgramme, type ResolvedProgramme, type SpeakerWithId } from './programme.ts';
import { releaseSlugs, siteAddresses, type SiteAddress } from './addresses.ts';
import { publicationState } from './releases.ts';
import { buildTime } from '../core/status.ts';

/** The one module that reads Astro collections; everything else takes the plain data it returns. */

/** A release on the site: its collection entry (id: the file's path in the folder) and its address. */
export type ReleaseEntry = CollectionEntry<'releases'> & { slug: string };
export type ContactWithId = Contact & { id: string };
export type OrganisationWithId = Organisation & { id: string };

export interface SiteContent {
  programme: ResolvedProgramme;
  speakers: SpeakerWithId[];
  contacts: ContactWithId[];
  organisations: Map<string, OrganisationWithId>;
  /** Published releases, newest first (drafts and scheduled releases only in `astro dev`), none withdrawn. */
  releases: ReleaseEntry[];
  /** Every release address that answers, by path: releases, redirects, withdrawal notices (src/lib/content/addresses.ts). */
  addresses: SiteAddress[];
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
  // A release whose time has not come at the build's clock is in no built file (the search index
  // is made from the pages): see the filter below.
  const now = buildTime();
  const [programmeEntries, speakerEntries, contactEntries, organisationEntries, releaseEntries, pageEntries] = await Promise.all([
    getCollection('programme'),
    getCollection('speakers'),
    getCollection('contacts'),
    getCollection('organisations'),
    // All of them: addresses are given out over every file, drafts too, so publishing one moves none.
    getCollection('releases'),
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

  const addresses = siteAddresses(
    releaseEntries.map((entry) => ({ name: entry.id, ...entry.data })),
    now,
    { unpublished: import.meta.env.DEV },
  );
  const slugs = releaseSlugs(releaseEntries.map((entry) => entry.id));
  // The one filter every page, feed, list and count goes through (a withdrawn release is in none).
  const releases = releaseEntries.flatMap((entry) =>
    entry.data.withdrawn || (!import.meta.env.DEV && publicationState(entry.data, now) !== 'published')
      ? []
      : [{ ...entry, slug: slugs.get(entry.id) ?? '' }],
  );

  return {
    programme: resolveProgramme(programmeEntry.data, speakers),
    speakers,
    contacts,
    organisations,
    addresses,
    releases: releases.sort(
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
