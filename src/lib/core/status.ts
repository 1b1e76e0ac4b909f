/** Whether the conference is ahead, under way or over at a given moment. */
export type ConferenceStatus = 'upcoming' | 'ongoing' | 'past';

export function conferenceStatus(now: Date, start: Date, end: Date): ConferenceStatus {
  if (now.getTime() < start.getTime()) return 'upcoming';
  if (now.getTime() < end.getTime()) return 'ongoing';
  return 'past';
}

/**
 * The build's one clock: SOURCE_DATE_EPOCH (seconds) when set, so builds are reproducible
 * and tests never depend on today's date; otherwise the current time. A build never gets to the
 * "otherwise": fixBuildClock() has set SOURCE_DATE_EPOCH at its start.
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return new Date();
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${raw}"`);
  return new Date(Number(raw) * 1000);
}

/**
 * Reads "now" once for the whole build: when SOURCE_DATE_EPOCH is unset, sets it in `env` to the
 * current whole second. Every later buildTime() in this process (the collections, /build.json, the
 * front page, the calendars) and in any worker thread started afterwards (the content check; a
 * worker gets a copy of the environment) then returns this same instant. Each reading the clock
 * for itself, seconds apart, could leave out a release whose time fell between two readings while
 * /build.json said it was out: the scheduled deploy would then never build it.
 */
export function fixBuildClock(env: Record<string, string | undefined> = process.env, now: number = Date.now()): Date {
  if (!env.SOURCE_DATE_EPOCH?.trim()) env.SOURCE_DATE_EPOCH = String(Math.floor(now / 1000));
  return buildTime(env);
}
