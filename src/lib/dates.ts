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
 * The instant at which the wall clock in `timeZone` shows `date` `time` ("2019-09-25", "11:00").
 * In the autumn's repeated hour the earlier instant is chosen; a time skipped in spring moves forward.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The offsets in force half a day either side cover any daylight-saving change on that date.
  const offsetBefore = offsetMinutes(new Date(wallAsUtc - 14 * 3_600_000), timeZone);
  const offsetAfter = offsetMinutes(new Date(wallAsUtc + 14 * 3_600_000), timeZone);
  const matches = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * 60_000)
    .filter((candidate) => {
      const p = parts(new Date(candidate), timeZone);
      return `${p.year}-${p.month}-${p.day}` === date && `${p.hour}:${p.minute}` === time;
    })
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? wallAsUtc - offsetBefore * 60_000);
}

/** ISO 8601 with the zone's offset: "2019-09-25T11:00:00+02:00", for `datetime` attributes and JSON-LD. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  const p = parts(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
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
