import { clockJump, formatDate, isoWithOffset, offsetMinutes, offsetText, timeZoneLabel, wallClockOffsets } from '../core/dates.ts';
import { nonExistentDateTime } from '../../schemas/fields.ts';

/**
 * Whether a release's instant was written with the UTC offset its programme's time zone has at that
 * moment. Any offset is a valid instant, so the schema accepts "2019-09-23T13:57:00+01:00"; but in
 * Sweden that is 14.57, an embargo broken by an hour the wrong way. Editors think in the programme's
 * wall clock, so the fix keeps the date and time they wrote and corrects the offset. A wall-clock
 * time that the clock skips in spring is no time at all there.
 *
 * `written` is the value's text as in the file, quoted or not (js-yaml makes an unquoted one a Date
 * and drops its offset). Returns a Swedish message, or undefined when the value is right or has a
 * problem of another kind (no offset, a date that does not exist), which other checks report.
 */
export function offsetProblem(written: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?\s*(Z|([+-])(\d{1,2})(?::?(\d{2}))?)$/i.exec(written.trim());
  if (!match || nonExistentDateTime(written) !== undefined) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zone, sign, offsetHours, offsetMins = '00'] = match as unknown as string[];
  const date = `${year}-${pad(month)}-${pad(day)}`;
  const time = `${pad(hour)}:${minute}`;
  const offset = zone?.toUpperCase() === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMins));
  const valid = wallClockOffsets(date, time, timeZone);
  if (valid.includes(offset)) return undefined;
  const dateText = formatDate(new Date(`${date}T12:00:00Z`), 'UTC');
  const rewrite = (clock: string, minutes: number) => `${date}T${clock}:${second}${fraction}${offsetText(minutes)}`;

  const jump = clockJump(date, time, timeZone);
  if (jump) {
    // Moved forward by the jump, as the site reads such a time (src/lib/core/dates.ts zonedInstant).
    const [jumpHour, jumpMinute] = time.split(':').map(Number) as [number, number];
    const moved = jumpHour * 60 + jumpMinute + jump.offsetAfter - jump.offsetBefore;
    const clock = `${pad(String(Math.floor(moved / 60)))}:${pad(String(moved % 60))}`;
    return (
      `Klockan ${time.replace(':', '.')} finns inte den ${dateText} i ${timeZoneLabel(timeZone)}: då ställs klockan fram från ${jump.from.replace(':', '.')} ` +
      `till ${jump.to.replace(':', '.')}. Välj en tid som finns, till exempel ${rewrite(clock, jump.offsetAfter)}.`
    );
  }
  const right = valid[0] as number;
  const season = seasonName(date, right, timeZone);
  const inForce = `den ${dateText} gäller ${season ? `${season} (${offsetText(right)})` : offsetText(right)}`;
  if (zone?.toUpperCase() === 'Z') {
    // A "Z" is usually a time someone converted to UTC on purpose: offer the same instant first.
    const sameInstant = isoWithOffset(new Date(`${date}T${time}:${second}Z`), timeZone);
    return (
      `Tidszonen Z (UTC) stämmer inte med ${timeZoneLabel(timeZone)}: ${inForce}. Skriv ${sameInstant}, som är samma tidpunkt, ` +
      `eller ${rewrite(time, right)} om klockan ${time.replace(':', '.')} i ${timeZoneLabel(timeZone)} var menad.`
    );
  }
  return `Tidszonen ${offsetText(offset)} stämmer inte med ${timeZoneLabel(timeZone)}: ${inForce}: skriv ${rewrite(time, right)}.`;
}

/** "sommartid" or "vintertid" where the zone changes its clocks that year. */
function seasonName(date: string, offset: number, timeZone: string): string | undefined {
  const year = date.slice(0, 4);
  const january = offsetMinutes(new Date(`${year}-01-15T12:00:00Z`), timeZone);
  const july = offsetMinutes(new Date(`${year}-07-15T12:00:00Z`), timeZone);
  if (january === july) return undefined;
  return offset === Math.max(january, july) ? 'sommartid' : 'vintertid';
}

function pad(part: string | undefined): string {
  return (part ?? '').padStart(2, '0');
}
