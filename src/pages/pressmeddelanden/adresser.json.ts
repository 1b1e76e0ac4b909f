import type { APIRoute } from 'astro';
import { addressFileText } from '../../lib/content/addresses.ts';
import { loadContent } from '../../lib/content/content.ts';

/**
 * Every release address the site answers at (src/lib/content/addresses.ts). The deploy compares the live
 * site's copy with a new build's (scripts/check-addresses.ts), so no published address vanishes.
 */
export const GET: APIRoute = async () => {
  const { addresses } = await loadContent();
  return new Response(addressFileText(addresses), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
