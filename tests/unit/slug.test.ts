import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/core/slug.ts';

describe('slugify', () => {
  it('transliterates å, ä and ö', () => {
    expect(slugify('Konferens om prostitution och människohandel för sexuella ändamål')).toBe(
      'konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal',
    );
    expect(slugify('ÅÄÖ åäö')).toBe('aao-aao');
  });

  it('drops punctuation and collapses separators', () => {
    expect(slugify('  Människohandel i Sverige idag – en rapport från verkligheten!  ')).toBe(
      'manniskohandel-i-sverige-idag-en-rapport-fran-verkligheten',
    );
    expect(slugify('”Sugardating” – vad är det?')).toBe('sugardating-vad-ar-det');
  });

  it('handles other accents', () => {
    expect(slugify('Café Øresund Straße')).toBe('cafe-oresund-strasse');
  });

  // Letters of Sweden's minority languages and of the neighbours are spelt out, never dropped
  // (before, "Ŋ" and "đ" vanished: "Sámi ŋ" became "sami-" and "đ" nothing).
  it.each([
    ['Ŋuorra ŋ', 'nguorra-ng'],
    ['Đavvi đ', 'davvi-d'],
    ['Ŧ ŧ', 't-t'],
    ['Čáhci č', 'cahci-c'],
    ['Šiellat š', 'siellat-s'],
    ['Žž', 'zz'],
    ['Øre ø', 'ore-o'],
    ['Æble æ', 'aeble-ae'],
    ['Œuvre œ', 'oeuvre-oe'],
    ['Straße ẞ', 'strasse-ss'],
    ['Łódź ł', 'lodz-l'],
    ['Þing þ', 'thing-th'],
    ['Ðað ð', 'dad-d'],
    ['Ħ ı İ ĸ ŀ ſ', 'h-i-i-k-l-s'],
    ['Áigi Giellagáldu', 'aigi-giellagaldu'],
  ])('spells out %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('is stable: the same title always gives the same, known slug', () => {
    expect(slugify('Nyhet 2019')).toBe('nyhet-2019');
    expect(slugify('Nyhet 2019 ')).toBe('nyhet-2019');
  });
});
