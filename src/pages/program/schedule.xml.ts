import type { APIRoute } from 'astro';
import { loadContent } from '../../lib/content/content.ts';
import { buildSchedule } from '../../lib/formats/schedule.ts';
import { scheduleXml } from '../../lib/formats/schedule-xml.ts';
import { absoluteUrl, paths } from '../../lib/core/urls.ts';

/** dist/program/schedule.xml: the programme for schedule apps (frab / c3voc format, XML). */
export const GET: APIRoute = async ({ site }) => {
  const { programme } = await loadContent();
  const origin = site?.origin ?? '';
  const base = import.meta.env.BASE_URL;
  const schedule = buildSchedule({ programme, site: origin, base });
  return new Response(scheduleXml(schedule, absoluteUrl(paths.scheduleXml, origin, base)), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
