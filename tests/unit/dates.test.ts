import { describe, expect, it } from 'vitest';
import {
  clockJump,
  offsetText,
  wallClockOffsets,
  formatDate,
  formatDateSpan,
  formatDateTime,
  formatDateTimeWithWeekday,
  formatDateWithWeekday,
  formatDayWithHours,
  formatTime,
  isoWithOffset,
  localDate,
  offsetMinutes,
  zonedInstant,
} from '../../src/lib/core/dates.ts';

const ZONE = 'Europe/Stockholm';

describe('zonedInstant', () => {
  it('turns Swedish summer wall-clock times into UTC instants', () => {
    expect(zonedInstant('2019-09-25', '11:00', ZONE).toISOString()).toBe('2019-09-25T09:00:00.000Z');
    expect(zonedInstant('2019-09-26', '08:30', ZONE).toISOString()).toBe('2019-09-26T06:30:00.000Z');
  });

  it('uses winter offset after the last Sunday of October', () => {
    expect(zonedInstant('2019-10-28', '09:00', ZONE).toISOString()).toBe('2019-10-28T08:00:00.000Z');
  });

  it('handles a day that crosses the change back from summer time', () => {
    // 27 October 2019: clocks went from 03:00 CEST back to 02:00 CET.
    expect(zonedInstant('2019-10-27', '01:30', ZONE).toISOString()).toBe('2019-10-26T23:30:00.000Z');
    expect(zonedInstant('2019-10-27', '02:30', ZONE).toISOString()).toBe('2019-10-27T00:30:00.000Z');
    expect(zonedInstant('2019-10-27', '03:30', ZONE).toISOString()).toBe('2019-10-27T02:30:00.000Z');
    const start = zonedInstant('2019-10-27', '00:00', ZONE);
    const end = zonedInstant('2019-10-27', '23:59', ZONE);
    expect((end.getTime() - start.getTime()) / 60_000).toBe(25 * 60 - 1);
  });

  it('moves a time skipped in spring forward', () => {
    // 31 March 2019: 02:00 CET jumped to 03:00 CEST, so 02:30 does not exist.
    expect(zonedInstant('2019-03-31', '02:30', ZONE).toISOString()).toBe('2019-03-31T01:30:00.000Z');
    expect(formatTime(zonedInstant('2019-03-31', '02:30', ZONE), ZONE)).toBe('03.30');
  });

  it('works for other zones', () => {
    expect(zonedInstant('2019-09-25', '11:00', 'America/New_York').toISOString()).toBe('2019-09-25T15:00:00.000Z');
  });
});

describe('wallClockOffsets and clockJump', () => {
  it('gives one offset as a rule, two in the hour repeated in autumn, none in the hour skipped in spring', () => {
    expect(wallClockOffsets('2019-09-23', '13:57', 'Europe/Stockholm')).toEqual([120]);
    expect(wallClockOffsets('2019-01-15', '10:00', 'Europe/Stockholm')).toEqual([60]);
    expect(wallClockOffsets('2019-10-27', '02:30', 'Europe/Stockholm')).toEqual([120, 60]);
    expect(wallClockOffsets('2019-03-31', '02:30', 'Europe/Stockholm')).toEqual([]);
    expect(wallClockOffsets('2019-09-23', '13:57', 'Europe/Helsinki')).toEqual([180]);
  });

  it('names where the clock jumps past a time that does not exist', () => {
    expect(clockJump('2019-03-31', '02:30', 'Europe/Stockholm')).toEqual({ from: '02:00', to: '03:00', offsetBefore: 60, offsetAfter: 120 });
    expect(clockJump('2019-03-31', '03:30', 'Europe/Helsinki')).toEqual({ from: '03:00', to: '04:00', offsetBefore: 120, offsetAfter: 180 });
    expect(clockJump('2019-03-31', '03:30', 'Europe/Stockholm')).toBeUndefined();
  });

  it('writes offsets as ±HH:MM', () => {
    expect([offsetText(120), offsetText(-330), offsetText(0)]).toEqual(['+02:00', '-05:30', '+00:00']);
  });
});

describe('formatting in Swedish public-sector style', () => {
  const start = new Date('2019-09-25T09:00:00Z');
  const end = new Date('2019-09-25T14:30:00Z');

  it('writes a day with hours as the web guidelines say', () => {
    expect(formatDayWithHours(start, end, ZONE)).toBe('onsdag 25 september 2019 kl. 11.00–16.30');
    expect(formatDayWithHours(new Date('2019-09-26T06:30:00Z'), new Date('2019-09-26T11:00:00Z'), ZONE)).toBe(
      'torsdag 26 september 2019 kl. 08.30–13.00',
    );
  });

  it('pads hours to two digits and uses a point', () => {
    expect(formatTime(new Date('2019-09-26T06:30:00Z'), ZONE)).toBe('08.30');
  });

  it('formats dates without a leading zero', () => {
    expect(formatDate(new Date('2019-09-05T10:00:00Z'), ZONE)).toBe('5 september 2019');
    expect(formatDateWithWeekday(new Date('2019-09-05T10:00:00Z'), ZONE)).toBe('torsdag 5 september 2019');
  });

  it('formats a publication time', () => {
    expect(formatDateTime(new Date('2019-09-23T11:57:00Z'), ZONE)).toBe('23 september 2019 kl. 13.57');
  });

  it('formats a scheduled publication time with its weekday, in Swedish time whatever the instant\'s offset', () => {
    expect(formatDateTimeWithWeekday(new Date('2019-09-25T10:00:00+02:00'), ZONE)).toBe('onsdag 25 september 2019 kl. 10.00');
    expect(formatDateTimeWithWeekday(new Date('2019-09-24T22:05:00Z'), ZONE)).toBe('onsdag 25 september 2019 kl. 00.05');
  });

  it('uses the zone, not UTC, for the calendar date near midnight', () => {
    const lateUtc = new Date('2019-09-24T22:30:00Z');
    expect(localDate(lateUtc, ZONE)).toBe('2019-09-25');
    expect(formatDate(lateUtc, ZONE)).toBe('25 september 2019');
  });

  it('writes date spans with an en dash', () => {
    expect(formatDateSpan(start, new Date('2019-09-26T11:00:00Z'), ZONE)).toBe('25–26 september 2019');
    expect(formatDateSpan(start, new Date('2019-10-02T11:00:00Z'), ZONE)).toBe('25 september–2 oktober 2019');
    expect(formatDateSpan(start, start, ZONE)).toBe('25 september 2019');
  });
});

describe('offsets', () => {
  it('gives ISO 8601 with the offset in force', () => {
    expect(isoWithOffset(new Date('2019-09-25T09:00:00Z'), ZONE)).toBe('2019-09-25T11:00:00+02:00');
    expect(isoWithOffset(new Date('2019-12-25T09:00:00Z'), ZONE)).toBe('2019-12-25T10:00:00+01:00');
    expect(isoWithOffset(new Date('2019-12-25T09:00:00Z'), 'America/New_York')).toBe('2019-12-25T04:00:00-05:00');
  });

  it('knows summer and winter offsets', () => {
    expect(offsetMinutes(new Date('2019-07-01T00:00:00Z'), ZONE)).toBe(120);
    expect(offsetMinutes(new Date('2019-01-01T00:00:00Z'), ZONE)).toBe(60);
  });
});
