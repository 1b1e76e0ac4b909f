import { describe, expect, it } from 'vitest';
import { isExternalHref, markExternalLinks, mergeRel } from '../../src/lib/external-links.ts';

const SITE = 'https://konferens.example.se';

describe('isExternalHref', () => {
  it('treats other http(s) hosts as external', () => {
    expect(isExternalHref('https://www.digg.se/anmal', SITE)).toBe(true);
    expect(isExternalHref('http://example.org', SITE)).toBe(true);
    expect(isExternalHref('//cdn.example.org/x.js', SITE)).toBe(true);
    expect(isExternalHref('https://konferens.example.se.evil.org/', SITE)).toBe(true);
  });

  it('keeps the own host, relative links and other schemes internal', () => {
    expect(isExternalHref('https://konferens.example.se/program/', SITE)).toBe(false);
    expect(isExternalHref('/program/', SITE)).toBe(false);
    expect(isExternalHref('../kontakt/', `${SITE}/tillganglighet/`)).toBe(false);
    expect(isExternalHref('#huvudinnehall', SITE)).toBe(false);
    expect(isExternalHref('mailto:info@example.se', SITE)).toBe(false);
    expect(isExternalHref('tel:+46102247339', SITE)).toBe(false);
    expect(isExternalHref('http://[broken', SITE)).toBe(false);
  });

  it('compares the port too', () => {
    expect(isExternalHref('http://127.0.0.1:4000/', 'http://127.0.0.1:4321/')).toBe(true);
  });
});

describe('mergeRel', () => {
  it('adds the two tokens once, keeping what was there', () => {
    expect(mergeRel(undefined)).toBe('noopener noreferrer');
    expect(mergeRel('')).toBe('noopener noreferrer');
    expect(mergeRel('external')).toBe('external noopener noreferrer');
    expect(mergeRel('NoReferrer  nofollow')).toBe('NoReferrer nofollow noopener');
  });
});

describe('markExternalLinks', () => {
  it('marks a link to another site', () => {
    expect(markExternalLinks('<p>Se <a href="https://www.digg.se/anmal">Digg</a>.</p>', SITE)).toBe(
      '<p>Se <a href="https://www.digg.se/anmal" rel="noopener noreferrer">Digg</a>.</p>',
    );
  });

  it('leaves internal links and everything else byte for byte', () => {
    const html =
      '<h2 id="x">Rubrik</h2>\n<p><a href="../kontakt/">Kontakt</a> <a href="/program/#punkt-1">Program</a> ' +
      '<a href="mailto:a@b.se">a@b.se</a> <abbr title="https://x.org">X</abbr> <a id="ankare"></a></p>';
    expect(markExternalLinks(html, SITE)).toBe(html);
  });

  it('merges with an existing rel and keeps other attributes and quoting', () => {
    expect(markExternalLinks(`<a class='x' rel="nofollow" href='https://a.org/?a=1&amp;b=2' title="T">A</a>`, SITE)).toBe(
      `<a class='x' href='https://a.org/?a=1&amp;b=2' title="T" rel="nofollow noopener noreferrer">A</a>`,
    );
  });

  it('does not touch a link that already has both tokens', () => {
    const html = '<a href="https://a.org" rel="noreferrer noopener">A</a>';
    expect(markExternalLinks(html, SITE)).toBe(html);
  });

  it('handles upper-case tags, bare values, entities in href and many links', () => {
    const html = '<A HREF=https://a.org>A</A> <a href="https&#x3a;//b.org">B</a> <a href="/c/">C</a>';
    expect(markExternalLinks(html, SITE)).toBe(
      '<a HREF=https://a.org rel="noopener noreferrer">A</A> <a href="https&#x3a;//b.org" rel="noopener noreferrer">B</a> <a href="/c/">C</a>',
    );
  });

  it('ignores text that only looks like a tag', () => {
    const html = '<code>&lt;a href="https://a.org"&gt;</code>';
    expect(markExternalLinks(html, SITE)).toBe(html);
  });
});
