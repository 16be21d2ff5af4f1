import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatInstant,
  instantToLocal,
  localToInstant,
  weekdayOf,
} from '../../../domain/calendar/local-time';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('local time in Asia/Shanghai', () => {
  it.each([
    ['2026-04-14', '18:00', Date.UTC(2026, 3, 14, 10, 0)],
    ['2026-04-14', '00:00', Date.UTC(2026, 3, 13, 16, 0)],
    ['2026-01-01', '07:30', Date.UTC(2025, 11, 31, 23, 30)],
    ['2026-02-17', '09:00', Date.UTC(2026, 1, 17, 1, 0)],
  ])('reads %s %s as the instant eight hours earlier in UTC', (date, time, utc) => {
    expect(localToInstant(date, time, SHANGHAI)).toBe(utc);
    expect(instantToLocal(utc, SHANGHAI)).toMatchObject({ date, time });
  });

  it('names the weekday of a local date, Monday as 1 and Sunday as 7', () => {
    expect(instantToLocal(Date.UTC(2026, 3, 14, 10), SHANGHAI).weekday).toBe(2);
    expect(weekdayOf('2026-04-12')).toBe(7);
    expect(weekdayOf('2026-04-20')).toBe(1);
  });

  it('shows the local date of an instant that is still the previous day in UTC', () => {
    expect(instantToLocal(Date.UTC(2026, 3, 30, 17, 5), SHANGHAI)).toEqual({
      date: '2026-05-01',
      time: '01:05',
      weekday: 5,
    });
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-04-14', 6, '2026-04-20'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-02-14', 9, '2026-02-23'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('adds days across month, year and leap-day boundaries: %s + %i = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it('counts the days of a window that crosses the new year', () => {
    expect(daysBetween('2026-12-20', '2027-01-10')).toBe(21);
  });
});

describe('human-readable instants', () => {
  const due = localToInstant('2026-04-14', '18:00', SHANGHAI);

  it('prints the local date and time in the same numeric form in both locales', () => {
    expect(formatInstant(due, SHANGHAI, 'zh')).toBe('2026-04-14 18:00');
    expect(formatInstant(due, SHANGHAI, 'en')).toBe('2026-04-14 18:00');
  });

  it('adds the weekday when asked, in the reader’s language', () => {
    expect(formatInstant(due, SHANGHAI, 'zh', { weekday: true })).toBe('2026-04-14 18:00（周二）');
    expect(formatInstant(due, SHANGHAI, 'en', { weekday: true })).toBe('Tue 2026-04-14 18:00');
  });
});

describe('local time in a zone with daylight saving (America/New_York)', () => {
  it('uses standard time in winter and daylight time in summer', () => {
    expect(localToInstant('2026-01-15', '09:00', NEW_YORK)).toBe(Date.UTC(2026, 0, 15, 14, 0));
    expect(localToInstant('2026-07-15', '09:00', NEW_YORK)).toBe(Date.UTC(2026, 6, 15, 13, 0));
  });

  it('moves a time skipped by the spring-forward gap forward by the gap', () => {
    const ms = localToInstant('2026-03-08', '02:30', NEW_YORK);
    expect(ms).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(instantToLocal(ms, NEW_YORK)).toMatchObject({ date: '2026-03-08', time: '03:30' });
  });

  it('takes the earlier of the two instants of a time repeated at fall-back', () => {
    expect(localToInstant('2026-11-01', '01:30', NEW_YORK)).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });

  it('round-trips every existing local time on both transition days', () => {
    for (const date of ['2026-03-08', '2026-11-01']) {
      for (let hour = 0; hour < 24; hour++) {
        if (date === '2026-03-08' && hour === 2) continue; // 02:xx does not exist that day
        const time = `${String(hour).padStart(2, '0')}:15`;
        expect(instantToLocal(localToInstant(date, time, NEW_YORK), NEW_YORK)).toMatchObject({ date, time });
      }
    }
  });

  it('round-trips any instant through its local date and time (to the minute)', () => {
    const minute = 60_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (raw) => {
        const ms = Math.floor(raw / minute) * minute;
        const { date, time } = instantToLocal(ms, NEW_YORK);
        const back = localToInstant(date, time, NEW_YORK);
        // In the repeated fall-back hour both readings are right; the earlier one is chosen.
        expect(back === ms || back === ms - 3_600_000).toBe(true);
      }),
    );
  });
});
