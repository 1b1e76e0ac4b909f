import { describe, expect, it } from 'vitest';
import { chunksForQuery, indexChunks, pagefindTerms, readCbor } from '../../src/lib/formats/pagefind-meta.ts';

/** CBOR as Pagefind's encoder writes it (definite lengths), for the meta reader's tests. */
function cbor(value: unknown): number[] {
  const head = (major: number, n: number): number[] =>
    n < 24 ? [(major << 5) | n] : n < 256 ? [(major << 5) | 24, n] : [(major << 5) | 25, n >> 8, n & 255];
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = [...new TextEncoder().encode(value)];
    return [...head(3, bytes.length), ...bytes];
  }
  if (Array.isArray(value)) return [...head(4, value.length), ...value.flatMap(cbor)];
  throw new Error('unsupported');
}

describe('indexChunks', () => {
  // The shape of Pagefind 1.6's meta: version, pages, index chunks, filters, sorts, meta fields.
  const meta = (body: unknown) =>
    new Uint8Array([...new TextEncoder().encode('pagefind_dcd'), ...cbor(body)]);
  const pages = Array.from({ length: 30 }, (_, i) => [`sv_${i}`, 300 + i, '']);

  it("reads the chunks' word ranges from the inflated meta file", () => {
    const chunks = [
      ['00', 'konferens', 'sv_aaa'],
      ['konferensen', 'ö', 'sv_bbb'],
    ];
    expect(indexChunks(meta(['1.6.0', pages, chunks, [['typ', 'sv_f']], [], ['title']]))).toEqual([
      { from: '00', to: 'konferens', hash: 'sv_aaa' },
      { from: 'konferensen', to: 'ö', hash: 'sv_bbb' },
    ]);
  });

  it('reads CBOR integers, negative numbers, strings, arrays and simple values', () => {
    expect(readCbor(new Uint8Array([...cbor([0, 23, 24, 255, 256, 65535, -1, -25, 'å']), 0xf5, 0xf4, 0xf6].map((b, i) => (i === 0 ? 0x8c : b))))).toEqual(
      [0, 23, 24, 255, 256, 65535, -1, -25, 'å', true, false, null],
    );
    expect(readCbor(new Uint8Array([0x1a, 0, 1, 0, 0]))).toBe(65536);
  });

  it('fails on a file without the signature, another shape, or cut-off data', () => {
    expect(() => indexChunks(new TextEncoder().encode('not pagefind'))).toThrow(/signaturen/);
    expect(() => indexChunks(meta(['1.6.0', pages, 'x']))).toThrow(/indexdelar/);
    expect(() => indexChunks(meta(['1.6.0', pages, [['a', 'b']]]))).toThrow(/indexdelar/);
    expect(() => indexChunks(meta(['1.6.0', pages, [['a', 'b', 'c']]]).subarray(0, 30))).toThrow(/tar slut/);
  });
});

describe('chunksForQuery', () => {
  const chunks = [
    { from: '00', to: 'konferens', hash: 'sv_aaa' },
    { from: 'konferensen', to: 'människohandel', hash: 'sv_bbb' },
    { from: 'möte', to: 'ö', hash: 'sv_ccc' },
  ];

  it('normalizes a query as Pagefind does: lower case, no punctuation, no diacritics', () => {
    expect(pagefindTerms('  Sugardating, ”Människohandel”!  Sunne ')).toEqual(['sugardating', 'manniskohandel', 'sunne']);
  });

  it("finds the chunk of each of the query's words", () => {
    expect(chunksForQuery('Konferens', chunks)).toEqual(['sv_aaa']);
    expect(chunksForQuery('konferensens', chunks)).toEqual(['sv_bbb']);
    expect(chunksForQuery('Konferens möte', chunks)).toEqual(['sv_aaa', 'sv_bbb']);
    expect(chunksForQuery('a b c d ö', chunks, 2)).toEqual(['sv_aaa', 'sv_ccc']);
  });

  it('gives nothing for an empty query, a word outside every range, or a hash that is no file name', () => {
    expect(chunksForQuery('  ', chunks)).toEqual([]);
    expect(chunksForQuery('konferensa', chunks)).toEqual([]);
    expect(chunksForQuery('konferens', [{ from: '00', to: 'ö', hash: '../x' }])).toEqual([]);
  });
});
