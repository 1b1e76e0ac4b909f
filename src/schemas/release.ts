import { z } from 'astro/zod';
import { addressField, idField, instantField, pictureField, textField } from './fields.ts';

/** Frontmatter of a press release in content/pressmeddelanden/. */
export const releaseSchema = z.strictObject({
  /** Headline. */
  title: textField('Konferens om prostitution och människohandel för sexuella ändamål'),
  /** Optional ingress shown under the headline. */
  ingress: textField('Tre län erbjuder utbildning och stöd kring nya och gamla problem').optional(),
  /** Publication time with UTC offset, "2019-09-23T13:57:00+02:00". */
  published: instantField,
  /** Time of the latest correction with UTC offset, only when the release was changed after publication. */
  updated: instantField.optional(),
  /** Kind of text; the site only publishes press releases for now. */
  kind: z.literal('Pressmeddelande', { error: 'ska vara "Pressmeddelande"' }).default('Pressmeddelande'),
  /** Ids of the publishing organisations; the first one's "about" text closes the release. */
  organisations: z.array(idField).min(1, { error: 'behöver minst en organisation' }),
  /** Ids of the contact persons listed under the release. */
  contacts: z.array(idField).default([]),
  /** Free-form subject words. */
  tags: z.array(textField('människohandel')).default([]),
  /** Optional press picture, shown under the headline and used when the release is shared. */
  image: pictureField.optional(),
  /**
   * Addresses the release had before its file was renamed ("gammal-adress", or the old link as it
   * was shared): each answers with a redirect to the current one (src/lib/content/addresses.ts).
   */
  previousAddresses: z.array(addressField, { error: 'ska vara en lista med tidigare adresser, till exempel [gammal-adress]' }).default([]),
  /** When the release was withdrawn, with UTC offset: its address then only says that, and when. */
  withdrawn: instantField.optional(),
  /** Drafts are shown by `npm run dev` only. */
  draft: z.boolean({ error: 'ska vara true eller false' }).default(false),
});

export type ReleaseData = z.output<typeof releaseSchema>;
