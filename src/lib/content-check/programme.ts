import { daySchema, sessionSchema, type Day, type Session } from '../../schemas/programme.ts';
import { fieldName } from './text.ts';
import type { Problem } from './types.ts';
import type { PathSegment, YamlSource } from './yaml.ts';

/**
 * Rules on the programme that one field alone cannot show: times that contradict each other,
 * sessions outside the conference days, two sessions in one room at once, repeated ids.
 * Times are "TT:MM" wall-clock strings in one zone, so comparing them as text is exact.
 * Takes the raw YAML value and checks every day and session that is valid on its own, so a typo
 * elsewhere in the file does not hide a clash (the schema problems are reported separately).
 */
export function checkProgramme(raw: unknown, source: YamlSource, file: string): Problem[] {
  const data = { days: validItems(raw, 'days', daySchema), sessions: validItems(raw, 'sessions', sessionSchema) };
  const problems: Problem[] = [];
  const error = (path: PathSegment[], message: string) =>
    problems.push({ severity: 'error', file, position: source.locate(path).position, field: fieldName(path), message });

  const days = new Map<string, { index: number; start: string; end: string }>();
  data.days.forEach(({ index, value: day }) => {
    const earlier = days.get(day.date);
    if (earlier) {
      error(['days', index, 'date'], `Dagen ${day.date} finns redan (days[${earlier.index}]). Varje konferensdag ska stå en gång.`);
    } else {
      days.set(day.date, { index, start: day.start, end: day.end });
    }
    if (day.end <= day.start) {
      error(['days', index, 'end'], `Dagen ${day.date} slutar ${day.end}, inte efter att den börjar ${day.start}. Kontrollera start och end.`);
    }
  });

  const sessionIds = new Map<string, number>();
  const timed: { index: number; session: Session & { day: string; start: string; end: string } }[] = [];
  data.sessions.forEach(({ index, value: session }) => {
    const at = (field: string): PathSegment[] => ['sessions', index, field];
    const earlier = sessionIds.get(session.id);
    if (earlier !== undefined) {
      error(at('id'), `Id "${session.id}" används redan av sessions[${earlier}]. Varje programpunkt behöver ett eget id.`);
    } else {
      sessionIds.set(session.id, index);
    }
    if (session.start === undefined && session.end !== undefined) {
      error(at('end'), 'Programpunkten har en sluttid men ingen starttid. Lägg till start, eller ta bort end.');
    }
    if (session.day === undefined) {
      if (session.start !== undefined) {
        error(at('start'), 'Programpunkten har en starttid men ingen dag. Lägg till day med ett av konferensens datum, till exempel day: "2019-09-25".');
      }
      return;
    }
    const day = days.get(session.day);
    if (!day) {
      const known = [...days.keys()].map((date) => `"${date}"`).join(' eller ');
      error(at('day'), `Dagen ${session.day} är inte en av konferensdagarna (${known}). Ändra day, eller lägg till dagen under days.`);
      return;
    }
    if (session.start === undefined) return;
    if (session.start < day.start || session.start >= day.end) {
      error(at('start'), `Programpunkten börjar ${session.start}, utanför dagens tider ${day.start}–${day.end} (${session.day}).`);
    }
    if (session.end === undefined) return;
    if (session.end <= session.start) {
      error(at('end'), `Programpunkten slutar ${session.end}, före eller samtidigt som den börjar ${session.start}. Kontrollera start och end.`);
      return;
    }
    if (session.end > day.end) {
      error(at('end'), `Programpunkten slutar ${session.end}, efter att dagen slutar ${day.end} (${session.day}).`);
    }
    timed.push({ index, session: { ...session, day: session.day, start: session.start, end: session.end } });
  });

  // Overlap: the later entry in the file is reported, naming the one it collides with.
  timed.forEach(({ index, session }, position) => {
    if (!session.room) return;
    const room = session.room.trim().toLowerCase();
    const clash = timed
      .slice(0, position)
      .find(
        ({ session: other }) =>
          other.room?.trim().toLowerCase() === room &&
          other.day === session.day &&
          other.start < session.end &&
          session.start < other.end,
      );
    if (clash) {
      const line = source.locate(['sessions', clash.index]).position.line;
      error(
        ['sessions', index, 'start'],
        `Programpunkten "${session.id}" (${session.start}–${session.end}) krockar med "${clash.session.id}" ` +
          `(${clash.session.start}–${clash.session.end}, rad ${line}) i samma rum, ${session.room}, den ${session.day}. ` +
          'Ändra tid eller rum för någon av dem.',
      );
    }
  });
  return problems;
}

/** The items of list `key` that pass `schema`, each with its index in the file. */
function validItems<T extends Day | Session>(
  raw: unknown,
  key: string,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
): { index: number; value: T }[] {
  const list = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) => {
    const result = schema.safeParse(item);
    return result.success ? [{ index, value: result.data }] : [];
  });
}
