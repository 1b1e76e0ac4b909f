/**
 * Base-aware internal URLs. Every internal link goes through `withBase`, so the site works
 * under a sub-path such as /konferens/ (GitHub project pages) as well as at the root.
 */
export function withBase(path: string, base: string): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = path.replace(/^\/+/, '');
  return `${prefix}${rest}`;
}

/** Absolute URL for canonical links, feeds and calendars: site origin + base + path. */
export function absoluteUrl(path: string, site: string | URL, base: string): string {
  return new URL(withBase(path, base), site).href;
}

/** Internal link for templates, using the base Astro was built with. */
export function href(path: string): string {
  return withBase(path, import.meta.env.BASE_URL);
}

/** Site paths in one place, so a renamed route changes once. */
export const paths = {
  home: '',
  programme: 'program/',
  speakers: 'talare/',
  releases: 'pressmeddelanden/',
  release: (slug: string) => `pressmeddelanden/${slug}/`,
  contacts: 'kontakt/',
  /** A page from content/sidor/<id>.md. */
  page: (id: string) => `${id}/`,
  search: 'sok/',
  feed: 'rss.xml',
  calendar: 'kalender/konferens.ics',
  sessionCalendar: 'kalender/program.ics',
  scheduleXml: 'program/schedule.xml',
  scheduleJson: 'program/schedule.json',
  contactCard: (id: string) => `kontakt/${id}.vcf`,
  pressContacts: 'kontakt/presskontakter.vcf', // PRESS_CONTACTS_FILE in src/lib/formats/vcard.ts
  sitemap: 'sitemap-index.xml',
  shareCard: 'delningsbild.png',
} as const;
