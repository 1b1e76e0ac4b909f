import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarInputFrom, calendarText, conferenceCalendar, sessionCalendar, timedSessions } from '../../lib/formats/calendar.ts';
import { loadContent } from '../../lib/content/content.ts';

/**
 * dist/kalender/konferens.ics (the conference days) and, when sessions have times,
 * dist/kalender/program.ics. A prerendered endpoint rather than an astro:build:done hook: it reads
 * the same validated content as the pages through loadContent(), gets site and base from Astro,
 * and `astro dev` serves it too.
 */
export const getStaticPaths = (async () => {
  const { programme } = await loadContent();
  const feeds = timedSessions(programme).length > 0 ? ['konferens', 'program'] : ['konferens'];
  return feeds.map((kalender) => ({ params: { kalender } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const input = calendarInputFrom(await loadContent(), site?.origin ?? '', import.meta.env.BASE_URL);
  const calendar = params.kalender === 'program' ? sessionCalendar(input) : conferenceCalendar(input);
  if (!calendar) return new Response(null, { status: 404 });
  return new Response(calendarText(calendar), { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
