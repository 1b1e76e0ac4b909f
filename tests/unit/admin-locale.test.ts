import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sveltiaSwedish } from '../../src/i18n/editor.ts';
import { completeSwedish, flattenMessages, missingKeys } from '../../src/lib/editor/admin-locale.ts';
import { PROJECT_ROOT } from '../support/build.ts';

const locale = async (code: string) => JSON.parse(await readFile(path.join(PROJECT_ROOT, 'node_modules', '@sveltia', 'cms', 'locales', `${code}.json`), 'utf8'));

describe("Sveltia's Swedish strings", () => {
  it('fills the keys Sveltia lacks in Swedish and keeps its own', () => {
    const english = { save: 'Save', show_errors: 'Show Errors', nested: { a: 'A', b: 'B' } };
    const swedish = { save: 'Spara', nested: { a: 'Ä' } };
    expect(completeSwedish(english, swedish, { show_errors: 'Visa fel', 'nested.b': 'Be', save: 'inte denna' })).toEqual({
      save: 'Spara',
      show_errors: 'Visa fel',
      nested: { a: 'Ä', b: 'Be' },
    });
    expect(() => completeSwedish(english, swedish, {})).toThrow(/show_errors, nested\.b/);
  });

  it('the pinned version: every English key has Swedish, and every string we add is one Sveltia lacks, with the same placeholders', async () => {
    const [english, swedish] = await Promise.all([locale('en-US'), locale('sv')]);
    const missing = missingKeys(english, swedish);
    expect(missing).toContain('show_errors');
    expect(Object.keys(sveltiaSwedish).sort()).toEqual([...missing].sort());
    const complete = completeSwedish(english, swedish, sveltiaSwedish);
    expect(missingKeys(english, complete)).toEqual([]);
    const englishFlat = flattenMessages(english);
    const placeholders = (text: string) => [...new Set(text.match(/\{\$\w+/g) ?? [])].sort();
    for (const [key, text] of Object.entries(sveltiaSwedish)) expect(placeholders(text), key).toEqual(placeholders(englishFlat.get(key)!));
  });
});
