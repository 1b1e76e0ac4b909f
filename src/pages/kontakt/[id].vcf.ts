import type { APIRoute, GetStaticPaths } from 'astro';
import { loadContent } from '../../lib/content/content.ts';
import { siteName } from '../../lib/content/programme.ts';
import { PRESS_CONTACTS_FILE, VCARD_CONTENT_TYPE, vcardEntries, vcardFile } from '../../lib/formats/vcard.ts';

/** dist/kontakt/<id>.vcf: one vCard per contact, for "Spara kontakt" on every contact card. */
export const getStaticPaths = (async () => {
  const { contacts } = await loadContent();
  const clash = contacts.find((contact) => contact.id === PRESS_CONTACTS_FILE);
  if (clash) {
    throw new Error(`content/kontakter/${clash.id}.yaml: id:t "${clash.id}" är upptaget av filen med alla presskontakter. Byt namn på filen.`);
  }
  return contacts.map((contact) => ({ params: { id: contact.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const { programme, contacts, organisations } = await loadContent();
  const contact = contacts.find((candidate) => candidate.id === params.id);
  if (!contact) return new Response(null, { status: 404 });
  const entries = vcardEntries([contact], (id) => organisations.get(id)?.name ?? id, site?.origin ?? '', import.meta.env.BASE_URL, siteName(programme.data));
  return new Response(vcardFile(entries), { headers: { 'Content-Type': VCARD_CONTENT_TYPE } });
};
