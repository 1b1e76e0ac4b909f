import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatterFactory, HtmlValidate, type ConfigData, type Result } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { builtSite, PROJECT_ROOT } from '../support/build.ts';
import { builtPages } from '../support/pages.ts';
import { PICTURE_RELEASE } from '../fixtures/pictures/fixture.ts';
import { ADDRESSES } from '../fixtures/addresses/fixture.ts';

/**
 * Every rule .htmlvalidaterc.json turns off needs a written reason here (JSON has no comments);
 * the test fails when the config and this list disagree.
 */
const DISABLED_RULES: Record<string, string> = {
  'long-title':
    'An SEO length heuristic, not validity: titles are "<page> – <site name>" and the site name alone is 45 characters; search engines truncate long titles, browsers and screen readers read them whole.',
};

const dist = builtSite('default');
const configText = await readFile(path.join(PROJECT_ROOT, '.htmlvalidaterc.json'), 'utf8');
const config = JSON.parse(configText) as ConfigData;
const pages = await builtPages(dist);

describe('HTML validity (html-validate, recommended preset)', () => {
  it('uses the recommended preset and gives a reason for every rule it turns off', () => {
    expect(config.extends).toContain('html-validate:recommended');
    const disabled = Object.entries(config.rules ?? {})
      .filter(([, setting]) => setting === 'off' || setting === 0 || (Array.isArray(setting) && (setting[0] === 'off' || setting[0] === 0)))
      .map(([rule]) => rule)
      .sort();
    expect(disabled).toEqual(Object.keys(DISABLED_RULES).sort());
  });

  it('finds the built pages by walking dist', () => {
    expect(pages.map((page) => page.file)).toEqual(expect.arrayContaining(['index.html', '404.html', 'program/index.html']));
  });

  // The seed has no pictures: the pictures build's two pages with a <picture> are checked as well,
  // and its pages for a moved and a withdrawn release.
  const pictureDist = builtSite('pictures');
  const checked = [
    ...pages.map((page) => [page.file, path.join(dist, page.file)]),
    ...[
      `pressmeddelanden/${PICTURE_RELEASE.slug}/index.html`,
      'talare/index.html',
      // A moved address and a withdrawal notice (tests/fixtures/addresses).
      `pressmeddelanden/${ADDRESSES.moved.from}/index.html`,
      `pressmeddelanden/${ADDRESSES.withdrawn.slug}/index.html`,
    ].map((file) => [`pictures: ${file}`, path.join(pictureDist, file)]),
  ];

  // Warnings count too: a rule set to "warn" in the config would otherwise be silently off.
  it.each(checked)('%s has zero errors and zero warnings', async (file, absolute) => {
    const validator = new HtmlValidate(config);
    const report = await validator.validateString(await readFile(absolute ?? '', 'utf8'), file);
    const errors: Result[] = report.results
      .map((result) => ({ ...result, messages: result.messages.filter((message) => message.severity >= 1) }))
      .filter((result) => result.messages.length > 0);
    expect(errors.length === 0 ? '' : formatterFactory('text')(errors)).toBe('');
  });
});
