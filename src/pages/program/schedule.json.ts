import type { APIRoute } from 'astro';
import { loadContent } from '../../lib/content/content.ts';
import { buildSchedule } from '../../lib/formats/schedule.ts';
import { scheduleJson } from '../../lib/formats/schedule-json.ts';

/** dist/program/schedule.json: the programme for schedule apps (frab / c3voc format, JSON). */
export const GET: APIRoute = async ({ site }) => {
  const { programme } = await loadContent();
  const schedule = buildSchedule({ programme, site: site?.origin ?? '', base: import.meta.env.BASE_URL });
  return new Response(scheduleJson(schedule), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
