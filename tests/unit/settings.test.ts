import { describe, expect, it } from 'vitest';
import { DEFAULT_CMS_REPO, DEFAULT_SITE_URL, normaliseBasePath, siteSettings } from '../../src/lib/core/settings.ts';
import { absoluteUrl, withBase } from '../../src/lib/core/urls.ts';

describe('siteSettings', () => {
  it('defaults to the local preview server at the root', () => {
    expect(siteSettings({})).toMatchObject({ site: DEFAULT_SITE_URL, base: '/', outDir: './dist' });
  });

  it('takes the web editor repository from CMS_REPO, else GitHub Actions, else a placeholder', () => {
    expect(siteSettings({ CMS_REPO: 'lst/konferens', GITHUB_REPOSITORY: 'x/y' }).cmsRepo).toBe('lst/konferens');
    expect(siteSettings({ GITHUB_REPOSITORY: 'lst/site' }).cmsRepo).toBe('lst/site');
    expect(siteSettings({}).cmsRepo).toBe(DEFAULT_CMS_REPO);
    expect(() => siteSettings({ CMS_REPO: 'https://github.com/lst/konferens' })).toThrow(/owner\/name/);
    expect(siteSettings({}).cmsSignIn).toBe('token');
    expect(siteSettings({ CMS_SIGN_IN: 'netlify' }).cmsSignIn).toBe('netlify');
  });

  it('keeps only the origin of SITE_URL', () => {
    expect(siteSettings({ SITE_URL: 'https://example.se/whatever/' }).site).toBe('https://example.se');
  });

  it('rejects a SITE_URL that is not absolute', () => {
    expect(() => siteSettings({ SITE_URL: 'example.se' })).toThrow(/SITE_URL/);
    expect(() => siteSettings({ SITE_URL: 'ftp://example.se' })).toThrow(/http or https/);
  });

  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['konferens', '/konferens/'],
    ['/konferens', '/konferens/'],
    ['/a/b/', '/a/b/'],
  ])('normalises BASE_PATH %j to %j', (input, expected) => {
    expect(normaliseBasePath(input)).toBe(expected);
  });

  it('rejects a BASE_PATH with a query or spaces', () => {
    expect(() => normaliseBasePath('/a b/')).toThrow(/BASE_PATH/);
    expect(() => normaliseBasePath('/a?b')).toThrow(/BASE_PATH/);
  });
});

describe('urls', () => {
  it('prefixes the base path exactly once', () => {
    expect(withBase('program/', '/')).toBe('/program/');
    expect(withBase('/program/', '/konferens/')).toBe('/konferens/program/');
    expect(withBase('', '/konferens/')).toBe('/konferens/');
  });

  it('builds absolute URLs from site and base', () => {
    expect(absoluteUrl('rss.xml', 'https://example.github.io', '/konferens/')).toBe(
      'https://example.github.io/konferens/rss.xml',
    );
  });
});
