import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface PhoneNumber {
  /** "+46102247339", for tel: links. */
  e164: string;
  /** "010-224 73 39", the Swedish way of grouping digits. */
  display: string;
  /** "tel:+46102247339" */
  href: string;
}

// Every release page lists its contacts, so the same few numbers are parsed thousands of times per build.
const parsedPhones = new Map<string, PhoneNumber | undefined>();

/** Parses a number written the Swedish way; undefined when it is not a valid number. */
export function parseSwedishPhone(raw: string): PhoneNumber | undefined {
  if (!parsedPhones.has(raw)) parsedPhones.set(raw, parseUncached(raw));
  return parsedPhones.get(raw);
}

function parseUncached(raw: string): PhoneNumber | undefined {
  const parsed = parsePhoneNumberFromString(raw, 'SE');
  if (!parsed || !parsed.isValid()) return undefined;
  const display = parsed.country === 'SE' ? parsed.formatNational() : parsed.formatInternational();
  return { e164: parsed.number, display, href: `tel:${parsed.number}` };
}
