import { z } from 'astro/zod';
import { pictureField, textField } from './fields.ts';

/** One speaker, content/talare/<id>.yaml; the file name is the id sessions refer to. */
export const speakerSchema = z.strictObject({
  /** Full name as written in the press release. */
  name: textField('Simon Häggström'),
  /** Role or title, lower case as in running text ("författare och kriminalinspektör"). */
  role: textField('författare och kriminalinspektör'),
  /** Employer or organisation the speaker represents. */
  organisation: textField('Region Bergslagen'),
  /** Short presentation taken from the press release; no invented biography. */
  description: textField('Regionkoordinator i Region Bergslagen.').optional(),
  /** Portrait, only when the speaker has provided one. */
  photo: pictureField.optional(),
});

export type Speaker = z.output<typeof speakerSchema>;
