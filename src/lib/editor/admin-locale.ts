/**
 * Sveltia CMS's Swedish interface strings made complete: its own `sv.json` with the keys it lacks
 * (compared with the English locale) filled from src/i18n/editor.ts. Pure; the integration reads
 * and writes the files.
 */

type Messages = { [key: string]: string | Messages };

/** Every string of a locale by dotted key. */
export function flattenMessages(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [inner, text] of flattenMessages(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

/** Dotted keys of `english` that `swedish` lacks. */
export function missingKeys(english: Messages, swedish: Messages): string[] {
  const have = flattenMessages(swedish);
  return [...flattenMessages(english).keys()].filter((key) => !have.has(key));
}

/**
 * `swedish` with every key of `english` it lacks taken from `extra` (dotted keys). Sveltia's own
 * translations are kept. Throws naming the keys neither has, so an upgrade that adds English
 * strings stops the build until they are translated.
 */
export function completeSwedish(english: Messages, swedish: Messages, extra: Record<string, string>): Messages {
  const missing = missingKeys(english, swedish);
  const untranslated = missing.filter((key) => !(key in extra));
  if (untranslated.length > 0) {
    throw new Error(`web editor: Sveltia has English strings without Swedish; add them to sveltiaSwedish in src/i18n/editor.ts: ${untranslated.join(', ')}`);
  }
  const out = structuredClone(swedish);
  for (const key of missing) {
    const parts = key.split('.');
    let node = out;
    for (const part of parts.slice(0, -1)) {
      if (typeof node[part] !== 'object') node[part] = {};
      node = node[part] as Messages;
    }
    node[parts.at(-1)!] = extra[key]!;
  }
  return out;
}
