import { describe, expect, it } from 'vitest';
import { builtSite, SHARED_BUILDS } from '../support/build.ts';
import { jsonLd, loadHtml } from '../support/html.ts';

// JSON-LD parsed from the script blocks of the built pages, compared field by field with the facts
// of the seed content (Google's Event and Article rich-result documentation lists which fields count).
const dist = builtSite('default');
const SITE = SHARED_BUILDS.default.SITE_URL;
const RELEASE = 'pressmeddelanden/konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal/';

const organisation = (name: string, url: string) => ({ '@type': 'Organization', name, url });
const VARMLAND = organisation('Länsstyrelsen Värmland', 'https://www.lansstyrelsen.se/varmland');
const DALARNA = organisation('Länsstyrelsen Dalarna', 'https://www.lansstyrelsen.se/dalarna');
const OREBRO = organisation('Länsstyrelsen Örebro', 'https://www.lansstyrelsen.se/orebro');
const NAME = 'Konferens om prostitution och människohandel för sexuella ändamål';
const SCHEDULED = {
  eventStatus: 'https://schema.org/EventScheduled',
  eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
};
const LOCATION = {
  '@type': 'Place',
  name: 'Selma Spa',
  // No street address or postal code: the release gives none, so none is invented.
  address: { '@type': 'PostalAddress', addressLocality: 'Sunne', addressRegion: 'Värmlands län', addressCountry: 'SE' },
};
const performer = (id: string, name: string, jobTitle: string, affiliation: string) => ({
  '@type': 'Person',
  name,
  jobTitle,
  affiliation: { '@type': 'Organization', name: affiliation },
  url: `${SITE}/talare/#${id}`,
});

const event = (url: string) => ({
  '@context': 'https://schema.org',
  '@type': 'Event',
  name: NAME,
  description: 'Tre län erbjuder utbildning och stöd kring nya och gamla problem',
  url,
  // The generated share card (src/pages/delningsbild.png.ts), which Google's Event docs ask for.
  image: [`${SITE}/delningsbild.png`],
  inLanguage: 'sv',
  startDate: '2019-09-25T11:00:00+02:00',
  endDate: '2019-09-26T13:00:00+02:00',
  ...SCHEDULED,
  location: LOCATION,
  organizer: [VARMLAND, DALARNA, OREBRO],
  sponsor: organisation('Socialstyrelsen', 'https://www.socialstyrelsen.se/'),
  performer: [
    performer('simon-haggstrom', 'Simon Häggström', 'författare och kriminalinspektör', 'Människohandelsgruppen vid Nationella Operativa Avdelningen'),
    performer('mia-schyberg', 'Mia Schyberg', 'regionkoordinator', 'Region Bergslagen'),
    performer('anna-sander', 'Anna Sander', 'grundare', 'Talita'),
    performer('josephine-appelqvist', 'Josephine Appelqvist', 'grundare', 'Talita'),
  ],
  audience: {
    '@type': 'Audience',
    audienceType:
      'Kommunernas socialtjänster i Värmlands, Dalarnas och Örebro län. En person från varje kommuns socialtjänst erbjuds utbildningen, för att på så sätt ge en bred kunskapstäckning i de tre länen där det finns totalt 43 kommuner.',
  },
  subEvent: [
    { '@type': 'Event', name: `${NAME}, dag 1`, startDate: '2019-09-25T11:00:00+02:00', endDate: '2019-09-25T16:30:00+02:00', ...SCHEDULED, location: LOCATION },
    { '@type': 'Event', name: `${NAME}, dag 2`, startDate: '2019-09-26T08:30:00+02:00', endDate: '2019-09-26T13:00:00+02:00', ...SCHEDULED, location: LOCATION },
  ],
});

describe('structured data (JSON-LD) in the built pages', () => {
  it.each([
    ['index.html', `${SITE}/`],
    ['program/index.html', `${SITE}/program/`],
  ])('%s has exactly one Event with every field Google reads, from the content', async (file, url) => {
    const blocks = jsonLd(await loadHtml(dist, file));
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toEqual(event(url));
  });

  it('the press release is a NewsArticle with dates, authors and publisher as organisations', async () => {
    const blocks = jsonLd(await loadHtml(dist, `${RELEASE}index.html`));
    expect(blocks).toEqual([
      {
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: NAME,
        description: 'Tre län erbjuder utbildning och stöd kring nya och gamla problem',
        datePublished: '2019-09-23T13:57:00+02:00',
        // Never corrected after publication, so modified when published.
        dateModified: '2019-09-23T13:57:00+02:00',
        inLanguage: 'sv',
        url: `${SITE}/${RELEASE}`,
        mainEntityOfPage: `${SITE}/${RELEASE}`,
        keywords: 'prostitution, människohandel, socialtjänst, sugardating',
        author: [VARMLAND, DALARNA, OREBRO],
        publisher: VARMLAND,
      },
    ]);
  });

  it('cannot break out of its script element', async () => {
    const html = (await loadHtml(dist, 'index.html')).html();
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(block.length).toBeGreaterThan(100);
    expect(block).not.toContain('<');
  });
});
