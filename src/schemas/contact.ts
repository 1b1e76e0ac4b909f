import { z } from 'astro/zod';
import { idField, textField } from './fields.ts';

/** A press contact, content/kontakter/<id>.yaml; the file name is the id releases refer to. */
export const contactSchema = z.strictObject({
  /** Full name. */
  name: textField('Isabel Persson'),
  /** Id of the organisation: a file name in content/organisationer/ without .yaml. */
  organisation: idField,
  /**
   * E-mail address as published. Only the shape is checked here; an address without a public
   * top-level domain is a warning from the content check, not an error, so a typo in the source stays visible.
   */
  email: z
    .string({ error: 'ska vara en e-postadress, till exempel "fornamn.efternamn@lansstyrelsen.se"' })
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, {
      error: 'är inte en e-postadress, skriv till exempel "fornamn.efternamn@lansstyrelsen.se"',
    }),
  /** Phone number as written in the release; links use E.164. */
  phone: textField('010-224 73 39').optional(),
  /** Family name, only when it is not the last word of the name ("von Essen"); for the vCard's N. */
  familyName: textField('von Essen').optional(),
  /** Job title, only when the source gives it ("kommunikatör"); shown on the card and in the vCard. */
  title: textField('kommunikatör').optional(),
  /** Role for the conference, only when the source gives it ("presskontakt"); vCard ROLE. */
  role: textField('presskontakt').optional(),
});

export type Contact = z.output<typeof contactSchema>;
