import type { APIRoute } from 'astro';
import { loadContent } from '../../lib/content/content.ts';
import { siteName } from '../../lib/content/programme.ts';
import { VCARD_CONTENT_TYPE, vcardEntries, vcardFile } from '../../lib/formats/vcard.ts';

/** dist/kontakt/presskontakter.vcf: the conference's press contacts (program.yaml `contacts`) in one file. */
export const GET: APIRoute = async ({ site }) => {
  const { programme, contacts, organisations } = await loadContent();
  const press = programme.data.contacts.flatMap((id) => contacts.find((contact) => contact.id === id) ?? []);
  const entries = vcardEntries(press, (id) => organisations.get(id)?.name ?? id, site?.origin ?? '', import.meta.env.BASE_URL, siteName(programme.data));
  return new Response(vcardFile(entries), { headers: { 'Content-Type': VCARD_CONTENT_TYPE } });
};
