import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';

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

  it('is stable: the same title always gives the same, known slug', () => {
    expect(slugify('Nyhet 2019')).toBe('nyhet-2019');
    expect(slugify('Nyhet 2019 ')).toBe('nyhet-2019');
  });
});
