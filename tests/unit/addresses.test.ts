import { describe, expect, it } from 'vitest';
import {
  addressFileText,
  fileStem,
  parseAddressFile,
  redirectsFileText,
  releaseSlugs,
  siteAddresses,
  vanishedAddresses,
  vanishedMessage,
  type AddressedRelease,
} from '../../src/lib/content/addresses.ts';
import { checkContent } from '../../src/lib/content-check/index.ts';
import { releaseSchema } from '../../src/schemas/release.ts';
import { inMemoryFolder } from '../support/content-folder.ts';

const now = new Date('2026-01-01T00:00:00Z');
const release = (name: string, extra: Partial<AddressedRelease> = {}): AddressedRelease => ({
  name,
  title: `Rubrik för ${name}`,
  published: new Date('2019-09-23T11:57:00Z'),
  draft: false,
  previousAddresses: [],
  ...extra,
});

describe('release addresses come from file names', () => {
  it('drop the creation date and keep the rest, whatever the headline says', () => {
    expect(fileStem('2019-09-23-konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal.md')).toEqual({
      slug: 'konferens-om-prostitution-och-manniskohandel-for-sexuella-andamal',
      date: '2019-09-23',
    });
    expect(fileStem('arkiv/2019-09-23-Sámi-ŋ.mdx')).toEqual({ slug: 'sami-ng', date: '2019-09-23' });
    expect(fileStem('utan-datum.md')).toEqual({ slug: 'utan-datum' });
    expect(fileStem('2019-09-23.md')).toEqual({ slug: '2019-09-23' });
  });

  it('give a shared name to the file created first; later ones get their date, and adding a file moves none', () => {
    const first = releaseSlugs(['2019-09-25-konferens.md', '2019-09-24-konferens.md', '2019-09-26-annat.md']);
    expect(Object.fromEntries(first)).toEqual({
      '2019-09-24-konferens.md': 'konferens',
      '2019-09-25-konferens.md': 'konferens-2019-09-25',
      '2019-09-26-annat.md': 'annat',
    });
    // A later file asking for a taken name or for a suffixed one changes nothing before it.
    const more = releaseSlugs([...first.keys(), '2019-10-01-konferens.md', '2019-10-02-konferens-2019-09-25.md']);
    for (const [name, slug] of first) expect(more.get(name)).toBe(slug);
    expect(more.get('2019-10-01-konferens.md')).toBe('konferens-2019-10-01');
    expect(more.get('2019-10-02-konferens-2019-09-25.md')).toBe('konferens-2019-09-25-2019-10-02');
  });

  it('never give a list page’s address (/pressmeddelanden/2/) to a release', () => {
    expect(releaseSlugs(['2019-09-23-2.md']).get('2019-09-23-2.md')).toBe('2-2019-09-23');
  });
});

describe('the address list', () => {
  const releases = [
    release('2019-09-23-konferens.md', { previousAddresses: ['gammal', 'aldre'] }),
    release('2019-09-24-inbjudan.md', { withdrawn: new Date('2019-10-01T10:00:00Z'), previousAddresses: ['inbjudan-gammal'] }),
    release('2019-09-25-utkast.md', { draft: true }),
    release('2030-01-01-schemalagt.md', { published: new Date('2030-01-01T09:00:00Z') }),
  ];

  it('lists releases, redirects and withdrawals by path, without drafts, scheduled releases or withdrawn headlines', () => {
    expect(siteAddresses(releases, now)).toEqual([
      { path: 'pressmeddelanden/aldre/', file: 'content/pressmeddelanden/2019-09-23-konferens.md', kind: 'redirect', to: 'pressmeddelanden/konferens/' },
      { path: 'pressmeddelanden/gammal/', file: 'content/pressmeddelanden/2019-09-23-konferens.md', kind: 'redirect', to: 'pressmeddelanden/konferens/' },
      { path: 'pressmeddelanden/inbjudan-gammal/', file: 'content/pressmeddelanden/2019-09-24-inbjudan.md', kind: 'redirect', to: 'pressmeddelanden/inbjudan/' },
      { path: 'pressmeddelanden/inbjudan/', file: 'content/pressmeddelanden/2019-09-24-inbjudan.md', kind: 'withdrawn', withdrawn: '2019-10-01T10:00:00.000Z' },
      { path: 'pressmeddelanden/konferens/', file: 'content/pressmeddelanden/2019-09-23-konferens.md', kind: 'release', title: 'Rubrik för 2019-09-23-konferens.md' },
    ]);
  });

  it('is the same text whatever order the files were read in', () => {
    expect(addressFileText(siteAddresses([...releases].reverse(), now))).toBe(addressFileText(siteAddresses(releases, now)));
  });

  it('never lets an earlier address shadow a release that answers there', () => {
    const list = siteAddresses([release('2019-09-23-a.md', { previousAddresses: ['b'] }), release('2019-09-24-b.md')], now);
    expect(list.map((address) => `${address.kind} ${address.path}`)).toEqual(['release pressmeddelanden/a/', 'release pressmeddelanden/b/']);
  });

  it('gives _redirects one 301 per moved address, under the base path', () => {
    expect(redirectsFileText(siteAddresses(releases, now), '/konferens/').split('\n').slice(1)).toEqual([
      '/konferens/pressmeddelanden/aldre/ /konferens/pressmeddelanden/konferens/ 301',
      '/konferens/pressmeddelanden/gammal/ /konferens/pressmeddelanden/konferens/ 301',
      '/konferens/pressmeddelanden/inbjudan-gammal/ /konferens/pressmeddelanden/inbjudan/ 301',
      '',
    ]);
  });
});

describe('the deploy check’s comparison', () => {
  const live = siteAddresses([release('2019-09-23-konferens.md'), release('2019-09-24-inbjudan.md')], now);

  it('passes when every live address still answers, as a release, a redirect or a withdrawal', () => {
    const moved = siteAddresses([release('2019-09-23-konferensen.md', { previousAddresses: ['konferens'] }), release('2019-09-24-inbjudan.md', { withdrawn: now })], now);
    expect(vanishedAddresses(live, moved)).toEqual([]);
  });

  it('names each live address that would vanish, with its file, in Swedish', () => {
    const next = siteAddresses([release('2019-09-23-konferensen.md'), release('2019-09-24-inbjudan.md')], now);
    const vanished = vanishedAddresses(live, next);
    expect(vanished.map((address) => address.path)).toEqual(['pressmeddelanden/konferens/']);
    expect(vanishedMessage(vanished[0]!, '/konferens/')).toMatch(
      /^Adressen \/konferens\/pressmeddelanden\/konferens\/ \(pressmeddelandet "Rubrik för 2019-09-23-konferens.md", content\/pressmeddelanden\/2019-09-23-konferens.md\) finns på den publicerade webbplatsen men inte i det nya bygget/,
    );
  });

  it('reads a served list back, and says in Swedish what is wrong with one that is not', () => {
    expect(parseAddressFile(addressFileText(live))).toEqual(live);
    expect(() => parseAddressFile('<html>')).toThrow('adresslistan är inte JSON');
    expect(() => parseAddressFile('{"addresses": [{"path": "x"}]}')).toThrow('adress nummer 1 saknar "path" eller "file"');
    expect(() => parseAddressFile('{"addresses": [{"path": "x/", "file": "a.md", "kind": "annan"}]}')).toThrow('adress nummer 1 har ingen känd "kind"');
  });
});

describe('the address fields', () => {
  it('take an earlier address as a slug, a path or a whole link', () => {
    const base = { title: 'A', published: '2019-09-23T13:57:00+02:00', organisations: ['a'] };
    const parsed = releaseSchema.parse({ ...base, previousAddresses: ['gammal', '/pressmeddelanden/aldre/', 'https://example.se/konferens/pressmeddelanden/forsta/'] });
    expect(parsed.previousAddresses).toEqual(['gammal', 'aldre', 'forsta']);
    expect(releaseSchema.safeParse({ ...base, previousAddresses: ['Gammal Adress'] }).success).toBe(false);
  });

  const file = (frontmatter: string) => `---\ntitle: A\npublished: "2019-09-23T13:57:00+02:00"\norganisations: [a]\n${frontmatter}---\n\nText.\n`;
  const errors = (files: Record<string, string>) =>
    checkContent(inMemoryFolder(files), { now })
      .filter((problem) => problem.severity === 'error' && problem.file.startsWith('content/pressmeddelanden/') && problem.field !== 'organisations[0]')
      .map((problem) => `${problem.file}:${problem.position?.line} ${problem.field}: ${problem.message}`);

  it('refuse a release’s own address as an earlier one', () => {
    expect(errors({ 'pressmeddelanden/2019-09-23-a.md': file('previousAddresses: [a]\n') })).toEqual([
      'content/pressmeddelanden/2019-09-23-a.md:5 previousAddresses[0]: /pressmeddelanden/a/ är pressmeddelandets egen adress, inte en tidigare. Ta bort raden.',
    ]);
  });

  it('refuse a list page’s address as an earlier one', () => {
    expect(errors({ 'pressmeddelanden/2019-09-23-a.md': file('previousAddresses: ["2"]\n') })).toEqual([
      'content/pressmeddelanden/2019-09-23-a.md:5 previousAddresses[0]: /pressmeddelanden/2/ är en sida i listan över pressmeddelanden och kan inte leda hit. Ta bort raden.',
    ]);
  });

  it('refuse one earlier address on two releases', () => {
    const files = { 'pressmeddelanden/2019-09-23-a.md': file('previousAddresses: [x]\n'), 'pressmeddelanden/2019-09-24-b.md': file('previousAddresses: [x]\n') };
    expect(errors(files)).toEqual([
      'content/pressmeddelanden/2019-09-24-b.md:5 previousAddresses[0]: /pressmeddelanden/x/ står redan som tidigare adress i content/pressmeddelanden/2019-09-23-a.md. En gammal adress kan bara leda till ett pressmeddelande.',
    ]);
  });

  it('refuse a withdrawal that has not happened yet', () => {
    expect(errors({ 'pressmeddelanden/2019-09-23-a.md': file('withdrawn: "2030-01-01T10:00:00+01:00"\n') })).toEqual([
      'content/pressmeddelanden/2019-09-23-a.md:5 withdrawn: Tiden 1 januari 2030 kl. 10.00 har inte kommit än. Ett pressmeddelande dras tillbaka med nästa bygge och kan inte schemaläggas: skriv tiden då du drar tillbaka det, eller vänta.',
    ]);
  });
});
