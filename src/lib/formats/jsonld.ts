/**
 * schema.org structured data (JSON-LD) for the conference (Event) and the press releases
 * (NewsArticle), complete by Google's Event and Article rich-result documentation as far as the
 * content has facts: nothing is padded out, so a property the content lacks is left out rather
 * than guessed (no street address until one is published).
 *
 * @see https://developers.google.com/search/docs/appearance/structured-data/event
 * @see https://developers.google.com/search/docs/appearance/structured-data/article
 */
import type { ResolvedProgramme } from '../content/programme.ts';
import { isoWithOffset } from '../core/dates.ts';

interface Named {
  name: string;
  url?: string | undefined;
}

/** An organisation as schema.org Organization, with its home page when the content gives one. */
export function organizationJsonLd(organisation: Named): Record<string, string> {
  return { '@type': 'Organization', name: organisation.name, ...(organisation.url && { url: organisation.url }) };
}

export interface EventInput {
  programme: ResolvedProgramme;
  /** The organising organisations in programme order. */
  organisers: Named[];
  /** The organisation the conference is held with support from (program.yaml `supporter`). */
  supporter?: Named | undefined;
  /** Absolute URL of the page the data is on. */
  pageUrl: string;
  /** Absolute URL of a speaker's entry on the speakers page. */
  speakerUrl: (id: string) => string;
  /** Absolute URL of the share image (the generated card), src/lib/formats/share-image.ts. */
  image?: string | undefined;
}

/** schema.org Event for the conference. */
export function eventJsonLd(input: EventInput): object {
  const { programme, organisers, supporter, pageUrl, speakerUrl, image } = input;
  const { data, timeZone } = programme;
  const venue = data.venue;
  const address = {
    '@type': 'PostalAddress',
    ...(venue.address && { streetAddress: venue.address }),
    ...(venue.postalCode && { postalCode: venue.postalCode }),
    addressLocality: venue.town,
    ...(venue.region && { addressRegion: venue.region }),
    ...(venue.country && { addressCountry: venue.country }),
  };
  const location = {
    '@type': 'Place',
    name: venue.name,
    address,
    ...(venue.geo && { geo: { '@type': 'GeoCoordinates', latitude: venue.geo.lat, longitude: venue.geo.lon } }),
  };
  // One performer per speaker, in programme order, however many sessions they give.
  const performers = new Map(
    [...programme.days.flatMap((day) => day.sessions), ...programme.unscheduled]
      .flatMap((session) => session.speakers)
      .map((speaker) => [
        speaker.id,
        {
          '@type': 'Person',
          name: speaker.name,
          jobTitle: speaker.role,
          affiliation: { '@type': 'Organization', name: speaker.organisation },
          url: speakerUrl(speaker.id),
        },
      ]),
  );
  const status = {
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: data.name,
    description: data.summary,
    url: pageUrl,
    ...(image && { image: [image] }),
    inLanguage: 'sv',
    startDate: isoWithOffset(programme.start, timeZone),
    endDate: isoWithOffset(programme.end, timeZone),
    ...status,
    location,
    organizer: organisers.map(organizationJsonLd),
    ...(supporter && { sponsor: organizationJsonLd(supporter) }),
    performer: [...performers.values()],
    audience: { '@type': 'Audience', audienceType: data.audience },
    subEvent: programme.days.map((day) => ({
      '@type': 'Event',
      name: `${data.name}, dag ${day.number}`,
      startDate: isoWithOffset(day.start, timeZone),
      endDate: isoWithOffset(day.end, timeZone),
      ...status,
      location,
    })),
  };
}

export interface ArticleInput {
  headline: string;
  description?: string | undefined;
  published: Date;
  /** The latest correction, when the release has one; otherwise the publication time. */
  updated?: Date | undefined;
  url: string;
  /** The publishing organisations; the first is the publisher, all are authors. */
  publishers: Named[];
  keywords: string[];
  timeZone: string;
  /** Absolute URL of the release's own share image, when it has a picture. */
  image?: string | undefined;
}

/** schema.org NewsArticle for one press release. */
export function newsArticleJsonLd(article: ArticleInput): object {
  const [publisher] = article.publishers;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(article.description && { description: article.description }),
    datePublished: isoWithOffset(article.published, article.timeZone),
    dateModified: isoWithOffset(article.updated ?? article.published, article.timeZone),
    inLanguage: 'sv',
    url: article.url,
    mainEntityOfPage: article.url,
    ...(article.image && { image: [article.image] }),
    ...(article.keywords.length > 0 && { keywords: article.keywords.join(', ') }),
    author: article.publishers.map(organizationJsonLd),
    ...(publisher && { publisher: organizationJsonLd(publisher) }),
  };
}
