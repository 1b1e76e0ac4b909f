/** Whether the conference is ahead, under way or over at a given moment. */
export type ConferenceStatus = 'upcoming' | 'ongoing' | 'past';

export function conferenceStatus(now: Date, start: Date, end: Date): ConferenceStatus {
  if (now.getTime() < start.getTime()) return 'upcoming';
  if (now.getTime() < end.getTime()) return 'ongoing';
  return 'past';
}

/**
 * The build's one clock: SOURCE_DATE_EPOCH (seconds) when set, so builds are reproducible
 * and tests never depend on today's date; otherwise the current time.
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  if (!raw) return new Date();
  if (!/^\d+$/.test(raw)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${raw}"`);
  return new Date(Number(raw) * 1000);
}
