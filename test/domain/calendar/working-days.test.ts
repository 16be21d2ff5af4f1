import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../../domain/calendar/local-time';
import { isDayOff, nextWorkingDay, postponeToWorkingDay } from '../../../domain/calendar/working-days';
import type { HolidayCalendar } from '../../../domain/plan/schema';

// The part of China's 2026 calendar (State Council notice) these tests walk through.
const CHINA_2026: HolidayCalendar = {
  // prettier-ignore
  daysOff: [
    '2026-04-04', '2026-04-05', '2026-04-06', // 清明节
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', // 劳动节
    '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', // 国庆节
  ],
  workdays: ['2026-05-09', '2026-10-10'],
  weekendsOff: true,
};

describe('working days', () => {
  it.each([
    ['2026-04-14', false, 'an ordinary Tuesday'],
    ['2026-04-18', true, 'a Saturday'],
    ['2026-04-19', true, 'a Sunday'],
    ['2026-05-01', true, 'Labour Day'],
    ['2026-05-04', true, 'a Monday inside the Labour Day holiday'],
    ['2026-05-09', false, 'the Saturday worked to make up for Labour Day'],
    ['2026-10-10', false, 'the Saturday worked after National Day'],
  ])('treats %s as day off = %s (%s)', (date, off) => {
    expect(isDayOff(date, CHINA_2026)).toBe(off);
  });

  it('works on weekends when the calendar says weekends are not off', () => {
    expect(isDayOff('2026-04-18', { ...CHINA_2026, weekendsOff: false })).toBe(false);
    expect(isDayOff('2026-05-01', { ...CHINA_2026, weekendsOff: false })).toBe(true);
  });

  it('lets a listed day off win over the same day listed as a workday', () => {
    expect(isDayOff('2026-05-09', { ...CHINA_2026, daysOff: ['2026-05-09'] })).toBe(true);
  });

  it.each([
    ['2026-04-14', '2026-04-14', 'a working day is its own next working day'],
    ['2026-04-04', '2026-04-07', 'Qingming (Sat–Mon) moves to Tuesday'],
    ['2026-05-01', '2026-05-06', 'Labour Day moves to the Wednesday after the holiday'],
    ['2026-05-09', '2026-05-09', 'a make-up Saturday is a working day'],
    ['2026-10-01', '2026-10-08', 'National Day moves to 10/8'],
    ['2026-12-26', '2026-12-28', 'a Saturday moves to Monday'],
  ])('finds the next working day after %s: %s (%s)', (date, expected) => {
    expect(nextWorkingDay(date, CHINA_2026)).toBe(expected);
  });
});

describe('postponing due dates (遇节假日顺延)', () => {
  const zone = 'Asia/Shanghai';

  it('postpones a due date on Labour Day to the next working day at the same time of day', () => {
    const due = localToInstant('2026-05-04', '18:00', zone);
    expect(postponeToWorkingDay(due, zone, CHINA_2026)).toBe(localToInstant('2026-05-06', '18:00', zone));
  });

  it('leaves a due date on a working day alone, to the millisecond', () => {
    const due = localToInstant('2026-04-20', '18:00', zone) + 12_345;
    expect(postponeToWorkingDay(due, zone, CHINA_2026)).toBe(due);
  });

  it('keeps seconds within the minute when it moves a due time', () => {
    const due = localToInstant('2026-05-02', '09:00', zone) + 30_000;
    expect(postponeToWorkingDay(due, zone, CHINA_2026)).toBe(localToInstant('2026-05-06', '09:00', zone) + 30_000);
  });

  it('keeps the local time when the move crosses a daylight-saving change', () => {
    const newYork = 'America/New_York';
    const saturday = localToInstant('2026-03-07', '09:00', newYork);
    const monday = postponeToWorkingDay(saturday, newYork, { daysOff: [], workdays: [], weekendsOff: true });
    expect(monday).toBe(localToInstant('2026-03-09', '09:00', newYork));
    expect(monday - saturday).toBe(47 * 3_600_000);
  });
});
