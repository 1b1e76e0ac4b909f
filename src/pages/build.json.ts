import type { APIRoute } from 'astro';
import { buildFileText } from '../lib/due.ts';
import { buildTime } from '../lib/status.ts';

/** /build.json: the build's clock, which the scheduled deploy reads to decide whether to build again. */
export const GET: APIRoute = () =>
  new Response(buildFileText(buildTime()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
