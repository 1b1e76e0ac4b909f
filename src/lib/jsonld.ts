import type { ResolvedProgramme } from './programme.ts';
import { isoWithOffset } from './dates.ts';

interface Named {
  name: string;
  url?: string | undefined;
}

/** schema.org Event for the conference; only facts the content gives, nothing padded out. */
export function eventJsonLd(programme: ResolvedProgramme, organisers: Named[], pageUrl: string): object {
  const { data, timeZone } = programme;
  const venue = data.venue;
  const address: Record<string, string> = { '@type': 'PostalAddress', addressLocality: venue.town, addressCountry: 'SE' };
  if (venue.address) address.streetAddress = venue.address;
  if (venue.postalCode) address.postalCode = venue.postalCode;
  const performers = new Map(
    [...programme.days.flatMap((day) => day.sessions), ...programme.unscheduled]
      .flatMap((session) => session.speakers)
      .map((speaker) => [speaker.id, { '@type': 'Person', name: speaker.name, jobTitle: speaker.role }]),
  );
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: data.name,
    description: data.summary,
    url: pageUrl,
    inLanguage: 'sv',
    startDate: isoWithOffset(programme.start, timeZone),
    endDate: isoWithOffset(programme.end, timeZone),
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: {
      '@type': 'Place',
      name: venue.name,
      address,
      ...(venue.geo && { geo: { '@type': 'GeoCoordinates', latitude: venue.geo.lat, longitude: venue.geo.lon } }),
    },
    organizer: organisers.map((organiser) => ({
      '@type': 'GovernmentOrganization',
      name: organiser.name,
      ...(organiser.url && { url: organiser.url }),
    })),
    performer: [...performers.values()],
    subEvent: programme.days.map((day) => ({
      '@type': 'Event',
      name: `${data.name}, dag ${day.number}`,
      startDate: isoWithOffset(day.start, timeZone),
      endDate: isoWithOffset(day.end, timeZone),
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: { '@type': 'Place', name: venue.name, address },
    })),
  };
}

export interface ArticleInput {
  headline: string;
  description?: string | undefined;
  published: Date;
  url: string;
  publishers: Named[];
  keywords: string[];
  timeZone: string;
}

/** schema.org NewsArticle for one press release. */
export function newsArticleJsonLd(article: ArticleInput): object {
  const [publisher, ...others] = article.publishers;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...(article.description && { description: article.description }),
    datePublished: isoWithOffset(article.published, article.timeZone),
    inLanguage: 'sv',
    url: article.url,
    mainEntityOfPage: article.url,
    ...(article.keywords.length > 0 && { keywords: article.keywords.join(', ') }),
    author: article.publishers.map((organisation) => ({ '@type': 'GovernmentOrganization', name: organisation.name })),
    ...(publisher && { publisher: { '@type': 'GovernmentOrganization', name: publisher.name } }),
    ...(others.length > 0 && {
      contributor: others.map((organisation) => ({ '@type': 'GovernmentOrganization', name: organisation.name })),
    }),
  };
}
