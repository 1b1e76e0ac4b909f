import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { programmeSchema } from '../../src/schemas/programme.ts';
import { resolveProgramme } from '../../src/lib/content/programme.ts';
import { listText } from '../../src/i18n/sv.ts';
import { renderShareCard, shareCardAlt, shareCardText, siteColours } from '../../src/lib/formats/share-card.ts';
import { shareCardFonts } from '../../src/lib/formats/share-card-fonts.ts';
import { parse as parseYaml } from 'yaml';

const css = await readFile('src/styles/global.css', 'utf8');
const programme = resolveProgramme(programmeSchema.parse(parseYaml(await readFile('content/program.yaml', 'utf8'))), []);
const organisers = [{ name: 'Länsstyrelsen Värmland' }, { name: 'Länsstyrelsen Dalarna' }, { name: 'Länsstyrelsen Örebro' }];

/** Width and height from the PNG's IHDR chunk, read by hand. */
const pngSize = (bytes: Uint8Array) => {
  const view = Buffer.from(bytes);
  expect(view.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: view.readUInt32BE(16), height: view.readUInt32BE(20) };
};

describe('the share card text', () => {
  it('comes from the programme: name, dates in Swedish, venue and organisers', () => {
    const text = shareCardText(programme, organisers);
    expect(text).toEqual({
      name: 'Konferens om prostitution och människohandel för sexuella ändamål',
      dates: '25–26 september 2019',
      venue: 'Selma Spa, Sunne',
      organisers: ['Länsstyrelsen Värmland', 'Länsstyrelsen Dalarna', 'Länsstyrelsen Örebro'],
    });
    expect(shareCardAlt(text)).toBe(
      'Konferens om prostitution och människohandel för sexuella ändamål. 25–26 september 2019, Selma Spa, Sunne. ' +
        'Arrangörer: Länsstyrelsen Värmland, Länsstyrelsen Dalarna och Länsstyrelsen Örebro.',
    );
  });

  it('joins lists the Swedish way', () => {
    expect(listText([])).toBe('');
    expect(listText(['A'])).toBe('A');
    expect(listText(['A', 'B'])).toBe('A och B');
    expect(listText(['A', 'B', 'C'])).toBe('A, B och C');
  });
});

describe('siteColours', () => {
  it('reads the light scheme of the stylesheet', () => {
    expect(siteColours(css)).toEqual({ background: '#1d4f73', text: '#ffffff', stripe: '#b3470d' });
  });

  it('follows the stylesheet and fails loudly when a colour is gone', () => {
    expect(siteColours(':root { --accent: #000; --accent-fg: #fff; --focus: red; }').background).toBe('#000');
    expect(() => siteColours(':root { --accent: #000; }')).toThrow(/--accent-fg/);
  });
});

describe('renderShareCard', () => {
  it('draws a 1200 × 630 PNG, the same bytes every time, different for another conference', async () => {
    const fonts = await shareCardFonts();
    const colours = siteColours(css);
    const text = shareCardText(programme, organisers);
    const first = await renderShareCard(text, colours, fonts);
    const again = await renderShareCard(text, colours, fonts);
    const other = await renderShareCard({ ...text, name: 'En annan konferens', venue: 'Folkets hus, Falun' }, colours, fonts);
    expect(pngSize(first)).toEqual({ width: 1200, height: 630 });
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(other).equals(Buffer.from(first))).toBe(false);
  });
});
