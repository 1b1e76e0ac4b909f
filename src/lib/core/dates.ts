/**
 * The one place dates and times are turned into text or instants. Everything is pinned to sv-SE
 * and an explicit IANA zone (the programme's `timezone`, passed in by every caller), so the build
 * machine's own zone never leaks into the output.
 * Style follows the Swedish public-sector web guidelines: "onsdag 25 september 2019 kl. 11.00–16.30".
 */

const EN_DASH = '\u2013';

type Parts = Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'weekday' | 'monthName', string>;

const partFormatters = new Map<string, Intl.DateTimeFormat[]>();

// formatToParts is the costliest step of a page render; a page asks for the same instant several times.
const partsCache = new Map<string, Parts>();

function parts(instant: Date, timeZone: string): Parts {
  const key = `${timeZone}|${instant.getTime()}`;
  let cached = partsCache.get(key);
  if (!cached) {
    cached = partsUncached(instant, timeZone);
    partsCache.set(key, cached);
  }
  return cached;
}

function partsUncached(instant: Date, timeZone: string): Parts {
  let formatters = partFormatters.get(timeZone);
  if (!formatters) {
    formatters = [
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
      new Intl.DateTimeFormat('sv-SE', { timeZone, weekday: 'long', month: 'long' }),
    ];
    partFormatters.set(timeZone, formatters);
  }
  const [numeric, names] = formatters as [Intl.DateTimeFormat, Intl.DateTimeFormat];
  const out: Partial<Parts> = {};
  for (const part of numeric.formatToParts(instant)) {
    if (part.type !== 'literal') out[part.type as keyof Parts] = part.value;
  }
  for (const part of names.formatToParts(instant)) {
    if (part.type === 'weekday') out.weekday = part.value;
    if (part.type === 'month') out.monthName = part.value;
  }
  return out as Parts;
}

/** Minutes east of UTC that `timeZone` is at `instant` (120 for Swedish summer time). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC offsets (minutes east) under which the wall clock in `timeZone` shows `date` `time`
 * ("2019-09-25", "11:00"), larger first (so the earlier instant first): one as a rule, two in the
 * autumn's repeated hour, none in the hour the clock skips in spring.
 */
export function wallClockOffsets(date: string, time: string, timeZone: string): number[] {
  const wallAsUtc = wallClockAsUtc(date, time);
  // The offsets in force half a day either side cover any daylight-saving change on that date.
  const candidates = new Set(surroundingOffsets(wallAsUtc, timeZone));
  return [...candidates]
    .filter((offset) => {
      const p = parts(new Date(wallAsUtc - offset * 60_000), timeZone);
      return `${p.year}-${p.month}-${p.day}` === date && `${p.hour}:${p.minute}` === time.slice(0, 5);
    })
    .sort((a, b) => b - a);
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` `time` ("2019-09-25", "11:00").
 * In the autumn's repeated hour the earlier instant is chosen; a time skipped in spring moves forward.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wallAsUtc = wallClockAsUtc(date, time);
  const offset = wallClockOffsets(date, time, timeZone)[0] ?? surroundingOffsets(wallAsUtc, timeZone)[0];
  return new Date(wallAsUtc - offset * 60_000);
}

/**
 * Where the clock in `timeZone` jumps past a wall-clock time that does not exist: "02:00" and
 * "03:00" for 02.30 on the last Sunday of March in Sweden. Undefined when `time` exists that day.
 */
export function clockJump(
  date: string,
  time: string,
  timeZone: string,
): { from: string; to: string; offsetBefore: number; offsetAfter: number } | undefined {
  if (wallClockOffsets(date, time, timeZone).length > 0) return undefined;
  const wallAsUtc = wallClockAsUtc(date, time);
  const [before, after] = surroundingOffsets(wallAsUtc, timeZone);
  // The first minute with the new offset, between half a day before and after.
  let low = wallAsUtc - 14 * 3_600_000;
  let high = wallAsUtc + 14 * 3_600_000;
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (offsetMinutes(new Date(middle), timeZone) === before) low = middle;
    else high = middle;
  }
  const clock = (instant: number) => new Date(instant).toISOString().slice(11, 16);
  return { from: clock(high + before * 60_000), to: clock(high + after * 60_000), offsetBefore: before, offsetAfter: after };
}

function wallClockAsUtc(date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** The zone's offsets half a day before and after a wall-clock time read as UTC. */
function surroundingOffsets(wallAsUtc: number, timeZone: string): [number, number] {
  return [offsetMinutes(new Date(wallAsUtc - 14 * 3_600_000), timeZone), offsetMinutes(new Date(wallAsUtc + 14 * 3_600_000), timeZone)];
}

/** "+02:00" for 120 minutes east of UTC. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO 8601 with the zone's offset: "2019-09-25T11:00:00+02:00", for `datetime` attributes and JSON-LD. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offsetText(offsetMinutes(instant, timeZone))}`;
}

/**
 * Zones whose everyday Swedish name is the country's ("Alla tider är svensk tid"); Intl names only
 * the wider zone ("centraleuropeisk tid"), which is true but not how a Swedish reader says it.
 */
const EVERYDAY_ZONE_NAMES: Record<string, string> = {
  'Europe/Stockholm': 'svensk tid',
  'Europe/Helsinki': 'finsk tid',
  'Europe/Mariehamn': 'finsk tid',
  'Europe/Oslo': 'norsk tid',
  'Europe/Copenhagen': 'dansk tid',
};

/**
 * The programme's time zone in words for "Alla tider är …": "svensk tid" for Europe/Stockholm,
 * otherwise Intl's Swedish generic name with the zone itself, "centraleuropeisk tid (Europe/Berlin)".
 */
export function timeZoneLabel(timeZone: string): string {
  const known = EVERYDAY_ZONE_NAMES[timeZone];
  if (known) return known;
  const generic = new Intl.DateTimeFormat('sv-SE', { timeZone, timeZoneName: 'longGeneric' })
    // A fixed recent date: in years without daylight saving time ICU names the specific zone instead.
    .formatToParts(new Date(Date.UTC(2020, 0, 15)))
    .find((part) => part.type === 'timeZoneName')?.value;
  return generic && !generic.startsWith('GMT') ? `${generic} (${timeZone})` : timeZone;
}

/** "2019-09-25", the calendar date in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "11.00"; hours always two digits, as in tables ("08.30"). */
export function formatTime(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${p.hour}.${p.minute}`;
}

/** "25 september 2019" */
export function formatDate(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  return `${Number(p.day)} ${p.monthName} ${p.year}`;
}

/** "onsdag 25 september 2019" */
export function formatDateWithWeekday(instant: Date, timeZone: string): string {
  return `${parts(instant, timeZone).weekday} ${formatDate(instant, timeZone)}`;
}

/** "11.00–16.30" */
export function formatTimeRange(start: Date, end: Date, timeZone: string): string {
  return `${formatTime(start, timeZone)}${EN_DASH}${formatTime(end, timeZone)}`;
}

/** "onsdag 25 september 2019 kl. 11.00–16.30" (a range within one day). */
export function formatDayWithHours(start: Date, end: Date, timeZone: string): string {
  return `${formatDateWithWeekday(start, timeZone)} kl. ${formatTimeRange(start, end, timeZone)}`;
}

/** "23 september 2019 kl. 13.57" */
export function formatDateTime(instant: Date, timeZone: string): string {
  return `${formatDate(instant, timeZone)} kl. ${formatTime(instant, timeZone)}`;
}

/** "onsdag 25 september 2019 kl. 10.00": one moment, with the weekday (when a scheduled release goes out). */
export function formatDateTimeWithWeekday(instant: Date, timeZone: string): string {
  return `${formatDateWithWeekday(instant, timeZone)} kl. ${formatTime(instant, timeZone)}`;
}

/** "25–26 september 2019", or with both months/years when they differ. */
export function formatDateSpan(first: Date, last: Date, timeZone: string): string {
  const a = parts(first, timeZone);
  const b = parts(last, timeZone);
  if (a.year === b.year && a.month === b.month) {
    if (a.day === b.day) return formatDate(first, timeZone);
    return `${Number(a.day)}${EN_DASH}${Number(b.day)} ${b.monthName} ${b.year}`;
  }
  if (a.year === b.year) return `${Number(a.day)} ${a.monthName}${EN_DASH}${formatDate(last, timeZone)}`;
  return `${formatDate(first, timeZone)}${EN_DASH}${formatDate(last, timeZone)}`;
}
