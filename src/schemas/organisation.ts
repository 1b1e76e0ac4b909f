import { z } from 'astro/zod';
import { textField } from './fields.ts';

/** An organisation named on the site, content/organisationer/<id>.yaml; the file name is its id. */
export const organisationSchema = z.strictObject({
  /** Name as used in running text ("Länsstyrelsen Värmland"). */
  name: textField('Länsstyrelsen Värmland'),
  /** Home page, if the site should link to it. */
  url: z.url({ protocol: /^https?$/, error: 'ska vara en webbadress som börjar med https://' }).optional(),
  /** Boilerplate shown under releases the organisation publishes, heading and text as in the source. */
  about: z
    .strictObject({
      /** "Om Länsstyrelsen" */
      title: textField('Om Länsstyrelsen'),
      /** The boilerplate paragraph. */
      text: textField('Vi är riksdagens och regeringens länk …'),
    })
    .optional(),
});

export type Organisation = z.output<typeof organisationSchema>;
