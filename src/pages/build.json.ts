import type { APIRoute } from 'astro';
import { loadContent, scheduledTimes } from '../lib/content/content.ts';
import { buildCommit, buildFileText, nextDue } from '../lib/publishing/due.ts';
import { buildTime } from '../lib/core/status.ts';

/**
 * /build.json: the build's clock, its commit and when the site would next change, which the
 * scheduled gate (.github/workflows/due.yml) and the web editor's publish status read.
 */
export const GET: APIRoute = async () => {
  const now = buildTime();
  const { programme } = await loadContent();
  const next = nextDue([...(await scheduledTimes()), programme.start, programme.end], now);
  return new Response(buildFileText(now, { commit: buildCommit(), nextDue: next }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
