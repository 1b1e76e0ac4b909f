import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, nameParts, vcard, vcardEntries, vcardFile, type VCardContact } from '../../src/lib/formats/vcard.ts';
import { readCards, vcardLineProblems } from '../support/vcard.ts';

const OPTIONS = {
  source: 'https://konferens.example.se/kontakt/test.vcf',
  uid: 'urn:uuid:00000000-0000-5000-8000-000000000000',
  siteName: 'Konferens om prostitution och människohandel',
};

// Fixture contact, invented for the test: every character RFC 6350 escapes, a long UTF-8 line, title and role.
const TRICKY: VCardContact = {
  id: 'test',
  name: 'Åsa Öberg-Ärlig',
  organisationName: 'Länsstyrelsen Värmland; enheten för jämställdhet, integration och social hållbarhet \\ Karlstad',
  email: 'asa.oberg@lansstyrelsen.se',
  phone: '010-224 73 39',
  title: 'utredare, samordnare',
  role: 'presskontakt\nför konferensen',
};

describe('vCard text rules', () => {
  it('escapes backslash, comma, semicolon and newline', () => {
    expect(escapeText('a\\b,c;d\ne')).toBe('a\\\\b\\,c\\;d\\ne');
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `ORG:${'å'.repeat(100)}`;
    const folded = foldLine(line);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const part of physical) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('FN:kort')).toBe('FN:kort');
  });

  it('splits a name into family and given name, or uses the family name the content gives', () => {
    expect(nameParts('Elsie-Marie Björk')).toEqual({ family: 'Björk', given: 'Elsie-Marie' });
    expect(nameParts('Anna Maria von Essen', 'von Essen')).toEqual({ family: 'von Essen', given: 'Anna Maria' });
    expect(nameParts('Cher')).toEqual({ family: 'Cher', given: '' });
  });
});

describe('a card with every kind of hard value', () => {
  const text = vcard(TRICKY, OPTIONS);

  it('keeps the byte rules: CRLF, at most 75 octets a line, no split character', () => {
    expect(vcardLineProblems(Buffer.from(text, 'utf8'))).toEqual([]);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
  });

  it('reads back field by field through two independent parsers', () => {
    expect(readCards(text)).toEqual([
      {
        version: '4.0',
        fn: 'Åsa Öberg-Ärlig',
        n: ['Öberg-Ärlig', 'Åsa', '', '', ''],
        org: 'Länsstyrelsen Värmland; enheten för jämställdhet, integration och social hållbarhet \\ Karlstad',
        email: 'asa.oberg@lansstyrelsen.se',
        tel: 'tel:+46102247339',
        telType: 'uri',
        title: 'utredare, samordnare',
        role: 'presskontakt\nför konferensen',
        uid: OPTIONS.uid,
        source: OPTIONS.source,
      },
    ]);
  });

  it('keeps a number that cannot become E.164 as text rather than dropping it', () => {
    const [card] = readCards(vcard({ ...TRICKY, phone: 'växeln' }, OPTIONS));
    expect([card?.tel, card?.telType]).toEqual(['växeln', 'text']);
    expect(vcard({ ...TRICKY, phone: undefined, title: undefined, role: undefined }, OPTIONS)).not.toMatch(/^(TEL|TITLE|ROLE)/m);
  });

  it('puts several cards in one file', () => {
    const entries = vcardEntries(
      [
        { id: 'a', name: 'Anna A', organisation: 'org', email: 'a@example.se' },
        { id: 'b', name: 'Bo B', organisation: 'org', email: 'b@example.se', phone: '076-848 15 72' },
      ],
      () => 'Organisationen',
      'https://konferens.example.se',
      '/konferens/',
      'Vattenkonferensen',
    );
    const cards = readCards(vcardFile(entries));
    expect(cards.map((card) => [card.fn, card.org, card.tel, card.source])).toEqual([
      ['Anna A', 'Organisationen', undefined, 'https://konferens.example.se/konferens/kontakt/a.vcf'],
      ['Bo B', 'Organisationen', 'tel:+46768481572', 'https://konferens.example.se/konferens/kontakt/b.vcf'],
    ]);
    expect(cards[0]?.uid).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cards[0]?.uid).not.toBe(cards[1]?.uid);
  });

  it('the strict parser rejects a card with LF line ends, so a pass means something', () => {
    expect(() => readCards(text.replace(/\r\n/g, '\n'))).toThrow(/CRLF/);
    expect(vcardLineProblems(Buffer.from(text.replace(/\r\n /g, ''), 'utf8')).join('\n')).toMatch(/octets/);
  });
});
