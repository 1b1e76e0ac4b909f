import { z } from 'astro/zod';
import { localDateField, textField } from './fields.ts';

/** A standalone text page in content/sidor/, such as the accessibility statement. */
export const pageSchema = z.strictObject({
  /** Page heading and title. */
  title: textField('Tillgänglighetsredogörelse'),
  /** Meta description for search engines and link previews. */
  description: textField('Hur tillgänglig webbplatsen är.'),
  /** When the page's content was last reviewed, "ÅÅÅÅ-MM-DD". */
  updated: localDateField,
  /** For the accessibility statement: when the site was last assessed, "ÅÅÅÅ-MM-DD". */
  assessed: localDateField.optional(),
});
