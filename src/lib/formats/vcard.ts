/**
 * Contacts as vCard 4.0 (RFC 6350), for address books: one card per contact and one file with all
 * of the conference's press contacts. Pure: plain contact data goes in, the file's text comes out;
 * the endpoints in src/pages/kontakt/ serve it.
 *
 * The rules written out by hand here, since no dependency is needed for them:
 * - every line ends with CRLF (§3.2), including the last;
 * - a line longer than 75 octets is folded with CRLF + space, never inside a UTF-8 character (§3.2);
 * - text values escape backslash, comma, semicolon and newline; structured values (N, ORG) escape
 *   each component and join them with ";" (§3.4);
 * - TEL is a tel: URI in E.164 (VALUE=uri, §6.4.1) when the number can be read, otherwise the text as
 *   published (VALUE=text) so nothing is lost.
 */
import { parseSwedishPhone } from '../core/phone.ts';
import { absoluteUrl, paths } from '../core/urls.ts';
import { uuidV5 } from '../core/uuid.ts';

export interface VCardContact {
  /** File name in content/kontakter/ without .yaml. */
  id: string;
  name: string;
  /** Family name when the last word of `name` is not it (e.g. "von Essen"). */
  familyName?: string | undefined;
  organisationName: string;
  email: string;
  phone?: string | undefined;
  /** Job title ("kommunikatör"), when the content gives one. */
  title?: string | undefined;
  /** Role in this context ("presskontakt"), when the content gives one. */
  role?: string | undefined;
}

export interface VCardOptions {
  /** The card's own address on the site (SOURCE), from which its UID is also made. */
  source: string;
  /** urn:uuid: UID, stable for the contact id and site. */
  uid: string;
  /** The site's name (program.yaml shortName or name), which PRODID names as the card's maker. */
  siteName: string;
}

/** The media type of .vcf files (RFC 6350 §10.1); _headers sends it. */
export const VCARD_CONTENT_TYPE = 'text/vcard; charset=utf-8';

/** Name (without .vcf) of the file with all press contacts, next to the per-contact files. */
export const PRESS_CONTACTS_FILE = 'presskontakter';

/** PRODID of every card: the site that wrote it, from the content. */
export function vcardProdId(siteName: string): string {
  return `-//${siteName}//Kontakter//SV`;
}

/** Escapes a TEXT value or one component of a structured value (RFC 6350 §3.4). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line at 75 octets (RFC 6350 §3.2): continuation lines start with a space, which
 * counts towards their 75. Cuts fall between characters, so a multi-byte UTF-8 character (å, ä, ö,
 * –) is never split.
 */
export function foldLine(line: string): string {
  const limit = 75;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const room = parts.length === 0 ? limit : limit - 1;
    if (octets + size > room) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * Splits a full name into given and family name for N: the last word is the family name unless the
 * content names it. Swedish names are written given name first, as in every release.
 */
export function nameParts(name: string, familyName?: string): { family: string; given: string } {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (familyName && trimmed.endsWith(familyName)) {
    return { family: familyName, given: trimmed.slice(0, -familyName.length).trim() };
  }
  const space = trimmed.lastIndexOf(' ');
  return space < 0 ? { family: trimmed, given: '' } : { family: trimmed.slice(space + 1), given: trimmed.slice(0, space) };
}

/** One BEGIN:VCARD … END:VCARD block, folded, each line ending with CRLF. */
export function vcard(contact: VCardContact, options: VCardOptions): string {
  const { family, given } = nameParts(contact.name, contact.familyName);
  const phone = contact.phone ? parseSwedishPhone(contact.phone) : undefined;
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `PRODID:${escapeText(vcardProdId(options.siteName))}`,
    `UID:${options.uid}`,
    'KIND:individual',
    `FN:${escapeText(contact.name)}`,
    // N: family;given;additional;prefixes;suffixes
    `N:${escapeText(family)};${escapeText(given)};;;`,
    `ORG:${escapeText(contact.organisationName)}`,
    ...(contact.title ? [`TITLE:${escapeText(contact.title)}`] : []),
    ...(contact.role ? [`ROLE:${escapeText(contact.role)}`] : []),
    `EMAIL;TYPE=work:${escapeText(contact.email)}`,
    ...(contact.phone
      ? [phone ? `TEL;VALUE=uri;TYPE=work,voice:${phone.href}` : `TEL;VALUE=text;TYPE=work,voice:${escapeText(contact.phone)}`]
      : []),
    `SOURCE:${options.source}`,
    'END:VCARD',
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}

/** A .vcf file: the cards one after another (RFC 6350 §3.3 allows several in one stream). */
export function vcardFile(cards: readonly { contact: VCardContact; options: VCardOptions }[]): string {
  return cards.map(({ contact, options }) => vcard(contact, options)).join('');
}

/** The vCard data of contacts as the content gives them: organisation by name, SOURCE and UID from the site. */
export function vcardEntries(
  contacts: readonly { id: string; name: string; familyName?: string | undefined; organisation: string; email: string; phone?: string | undefined; title?: string | undefined; role?: string | undefined }[],
  organisationName: (id: string) => string,
  site: string,
  base: string,
  siteName: string,
): { contact: VCardContact; options: VCardOptions }[] {
  return contacts.map((contact) => {
    const source = absoluteUrl(paths.contactCard(contact.id), site, base);
    return {
      contact: {
        id: contact.id,
        name: contact.name,
        familyName: contact.familyName,
        organisationName: organisationName(contact.organisation),
        email: contact.email,
        phone: contact.phone,
        title: contact.title,
        role: contact.role,
      },
      options: { source, uid: `urn:uuid:${uuidV5(source)}`, siteName },
    };
  });
}
