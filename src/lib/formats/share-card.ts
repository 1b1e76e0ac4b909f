import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { listText, t } from '../../i18n/sv.ts';
import { formatDateSpan } from '../core/dates.ts';
import { SHARE_SIZE } from '../content/pictures.ts';
import type { ResolvedProgramme } from '../content/programme.ts';

/**
 * The site's default share image: one 1200 × 630 PNG made at build time from the content (never
 * one per page, so build time does not grow with the archive). satori lays the text out and turns
 * it into SVG paths with the fonts it is given, resvg draws the PNG: no system fonts, no network,
 * the same bytes on every machine.
 */

/** The facts on the card, all from content. */
export interface ShareCardText {
  name: string;
  dates: string;
  venue: string;
  organisers: string[];
}

/** Colours of the card, taken from the site's stylesheet (see `siteColours`). */
export interface ShareCardColours {
  background: string;
  text: string;
  stripe: string;
}

export interface ShareCardFont {
  name: string;
  data: Buffer | ArrayBuffer;
  weight: 400 | 700;
}

export function shareCardText(programme: ResolvedProgramme, organisers: readonly { name: string }[]): ShareCardText {
  const { data, timeZone } = programme;
  return {
    name: data.name,
    dates: formatDateSpan(programme.start, programme.end, timeZone),
    venue: `${data.venue.name}, ${data.venue.town}`,
    organisers: organisers.map((organisation) => organisation.name),
  };
}

/** The card's alt text: the same facts, in a sentence. */
export function shareCardAlt(text: ShareCardText): string {
  return t('shareCard.alt', { name: text.name, dates: text.dates, venue: text.venue, organisers: listText(text.organisers) });
}

/**
 * The header colours of the light scheme in src/styles/global.css (`--accent`, `--accent-fg`,
 * `--focus`), so the card follows the site when its colours change. Throws when one is missing.
 */
export function siteColours(css: string): ShareCardColours {
  const root = /:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
  const value = (name: string) => {
    const found = new RegExp(`--${name}:\\s*([^;]+);`).exec(root)?.[1]?.trim();
    if (!found) throw new Error(`src/styles/global.css has no --${name} in its first :root block`);
    return found;
  };
  return { background: value('accent'), text: value('accent-fg'), stripe: value('focus') };
}

type Node = { type: string; props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string } };
const el = (type: string, style: Record<string, string | number>, children?: Node['props']['children']): Node => ({
  type,
  props: { style, ...(children !== undefined && { children }) },
});

/** The card's layout as satori elements (the shape JSX would produce, without React). */
export function shareCardTree(text: ShareCardText, colours: ShareCardColours): Node {
  // Long conference names get a smaller size so they stay within three lines.
  const nameSize = text.name.length > 70 ? 56 : 66;
  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      width: SHARE_SIZE.width,
      height: SHARE_SIZE.height,
      backgroundColor: colours.background,
      color: colours.text,
      fontFamily: 'Source Sans 3',
    },
    [
      el('div', { display: 'flex', height: 16, backgroundColor: colours.stripe }),
      el('div', { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: '56px 72px 60px' }, [
        el('div', { display: 'flex', fontSize: nameSize, fontWeight: 700, lineHeight: 1.12 }, text.name),
        el('div', { display: 'flex', flexDirection: 'column', marginTop: 'auto', fontSize: 38, lineHeight: 1.3 }, [
          el('div', { display: 'flex', fontWeight: 700 }, text.dates),
          el('div', { display: 'flex' }, text.venue),
          el('div', { display: 'flex', marginTop: 18, fontSize: 26 }, text.organisers.join(' · ')),
        ]),
      ]),
    ],
  );
}

/** Renders the card to PNG bytes. */
export async function renderShareCard(text: ShareCardText, colours: ShareCardColours, fonts: readonly ShareCardFont[]): Promise<Uint8Array> {
  const svg = await satori(shareCardTree(text, colours) as Parameters<typeof satori>[0], {
    ...SHARE_SIZE,
    fonts: fonts.map((font) => ({ name: font.name, data: font.data, weight: font.weight, style: 'normal' as const })),
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: SHARE_SIZE.width } }).render().asPng();
}
