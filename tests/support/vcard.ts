/**
 * Reading vCards the way an address book would, with two parsers that share no code with
 * src/lib/formats/vcard.ts: vcard4 (strict about RFC 6350 structure: CRLF, known properties, one FN at least,
 * VERSION 4.0, cardinality) and ical.js (Mozilla's parser, which decodes escapes and value types).
 * Byte-level line rules are checked here too, on the raw file.
 */
import ICAL from 'ical.js';
import { parse as parseStrict } from 'vcard4';

export interface ReadCard {
  version: string;
  fn: string;
  /** [family, given, additional, prefixes, suffixes] */
  n: string[];
  org: string;
  email: string;
  tel: string | undefined;
  /** ical.js's value type of TEL: "uri" for tel: links. */
  telType: string | undefined;
  title: string | undefined;
  role: string | undefined;
  uid: string;
  source: string;
}

/** Every card in a .vcf file, read field by field. Throws when vcard4 finds the file invalid. */
export function readCards(text: string): ReadCard[] {
  const strict = parseStrict(text) as unknown;
  const strictCount = Array.isArray(strict) ? strict.length : 1;
  const parsed = ICAL.parse(text) as unknown[];
  const jcards = (Array.isArray(parsed[0]) ? parsed : [parsed]) as ConstructorParameters<typeof ICAL.Component>[0][];
  if (jcards.length !== strictCount) throw new Error(`vcard4 found ${strictCount} cards, ical.js ${jcards.length}`);
  return jcards.map((jcard) => {
    const card = new ICAL.Component(jcard);
    const value = (name: string) => {
      const found = card.getFirstPropertyValue(name);
      return found === null || found === undefined ? undefined : String(found);
    };
    const n = card.getFirstPropertyValue('n');
    const tel = card.getFirstProperty('tel');
    return {
      version: value('version') ?? '',
      fn: value('fn') ?? '',
      n: Array.isArray(n) ? n.map(String) : [],
      org: value('org') ?? '',
      email: value('email') ?? '',
      tel: value('tel'),
      telType: tel?.type,
      title: value('title'),
      role: value('role'),
      uid: value('uid') ?? '',
      source: value('source') ?? '',
    };
  });
}

/** Breaches of RFC 6350's line rules in the raw bytes: LF without CR, lines over 75 octets, split UTF-8. */
export function vcardLineProblems(bytes: Buffer): string[] {
  const problems: string[] = [];
  const text = bytes.toString('latin1');
  if (!text.endsWith('\r\n')) problems.push('the file does not end with CRLF');
  if (/(?<!\r)\n/.test(text)) problems.push('a line ends with LF alone');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let index = bytes.indexOf('\r\n'); index >= 0; index = bytes.indexOf('\r\n', start)) {
    const line = bytes.subarray(start, index);
    if (line.length > 75) problems.push(`line of ${line.length} octets: ${line.toString('utf8')}`);
    try {
      decoder.decode(line);
    } catch {
      problems.push(`line splits a UTF-8 character: ${line.toString('utf8')}`);
    }
    start = index + 2;
  }
  return problems;
}
