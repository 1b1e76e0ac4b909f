import type { APIRoute } from 'astro';
import css from '../styles/global.css?raw';
import { loadContent } from '../lib/content/content.ts';
import { renderShareCard, shareCardText, siteColours } from '../lib/formats/share-card.ts';
import { shareCardFonts } from '../lib/formats/share-card-fonts.ts';

/** The default share image every page without its own picture points at (BaseLayout.astro). */
export const GET: APIRoute = async () => {
  const { programme, organisations } = await loadContent();
  const organisers = programme.data.organisers.flatMap((id) => organisations.get(id) ?? []);
  const png = await renderShareCard(shareCardText(programme, organisers), siteColours(css), await shareCardFonts());
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
