import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../domain/plan/load-plan';
import type { Plan } from '../../../domain/plan/schema';
import type { ReceptionProgramme } from '../../../domain/plan/reception-schema';
import { ReceptionProgrammeSchema } from '../../../domain/plan/reception-schema';
import { receptionDates } from '../../../domain/receptions/reception-dates';
import { planRota, programmeRota } from '../../../domain/receptions/rota';

function example(name: string): Plan {
  const text = readFileSync(path.resolve(__dirname, '../../../examples', name), 'utf8');
  const result = parsePlanText(text, name);
  if (!result.ok) throw new Error(`${name} must be valid`);
  return result.plan;
}

const bureau = example('reception-days.yaml');
const town = example('town-grand-reception.yaml');
const calendar = bureau.campaign.calendar;
const programme = (overrides: Record<string, unknown>): ReceptionProgramme =>
  ReceptionProgrammeSchema.parse({
    id: 'p',
    name: 'p',
    from: '2026-01-01',
    to: '2026-12-31',
    place: '会议室',
    hours: { start: '08:30', end: '17:30' },
    rota: { leader: 'x' },
    rule: { kind: 'days-of-month', days: [1, 16] },
    ...overrides,
  });

describe('004: the 1st and the 16th, 遇节假日顺延, on the 2026 calendar', () => {
  const reception = bureau.receptions!.find((p) => p.id === 'bureau-reception')!;
  const rota = programmeRota(bureau, reception);

  it('holds 24 receptions in 2026', () => {
    expect(rota).toHaveLength(24);
  });

  it.each([
    ['2026-01-01', '2026-01-04', 'New Year holiday 1/1–1/3; Sunday 1/4 is a make-up workday'],
    ['2026-02-01', '2026-02-02', 'a Sunday moves to Monday'],
    ['2026-02-16', '2026-02-24', 'Spring Festival 2/15–2/23'],
    ['2026-03-16', '2026-03-16', 'a Monday stays'],
    ['2026-05-01', '2026-05-06', 'Labour Day 5/1–5/5'],
    ['2026-05-16', '2026-05-18', 'a Saturday moves to Monday'],
    ['2026-08-01', '2026-08-03', 'a Saturday that is not a make-up workday moves'],
    ['2026-10-01', '2026-10-08', 'a 1st inside the National Day holiday moves to the first working day after it'],
    ['2026-10-16', '2026-10-16', 'a Friday stays'],
  ])('the %s reception is held on %s (%s)', (scheduled, held) => {
    const entry = rota.find((e) => e.scheduled === scheduled);
    expect(entry?.date).toBe(held);
  });

  it('names the month’s leader from the table, by the scheduled month, with place and hours', () => {
    const january = rota.find((e) => e.scheduled === '2026-01-01')!;
    expect(january.rostered?.name).toBe('刘建国');
    expect([january.place, january.start, january.end]).toEqual(['区教育局一楼会议室', '08:30', '17:30']);
    expect(rota.find((e) => e.date === '2026-10-08')!.rostered?.leaderId).toBe('deputy-zhao');
    expect(january.id).toBe('bureau-reception:2026-01-04');
  });

  it('lists both programmes in date order and limits to a range', () => {
    const october = planRota(bureau, { from: '2026-10-01', to: '2026-10-31' });
    expect(october.map((e) => `${e.date} ${e.programmeId}`)).toEqual([
      '2026-10-08 bureau-reception',
      '2026-10-16 bureau-reception',
      '2026-10-26 bureau-outreach',
    ]);
  });
});

describe('reception rules', () => {
  it('counts a make-up Saturday as a working day: a 10th on Saturday 10/10 stays', () => {
    const dates = receptionDates(programme({ rule: { kind: 'days-of-month', days: [10] } }), calendar);
    expect(dates.find((d) => d.scheduled === '2026-10-10')?.date).toBe('2026-10-10');
    expect(dates.find((d) => d.scheduled === '2026-01-10')?.date).toBe('2026-01-12');
  });

  it('moves day 31 to the last day of a month without one (and says so)', () => {
    const dates = receptionDates(programme({ rule: { kind: 'days-of-month', days: [31] } }), calendar);
    expect(dates.find((d) => d.scheduled === '2026-04-30')).toEqual({
      scheduled: '2026-04-30',
      date: '2026-04-30',
      clampedFrom: 31,
    });
    expect(dates.find((d) => d.scheduled === '2026-02-28')?.date).toBe('2026-02-28');
    expect(dates).toHaveLength(12);
  });

  it('merges two rule days that are postponed onto one day', () => {
    const dates = receptionDates(
      programme({ rule: { kind: 'days-of-month', days: [1, 2] }, to: '2026-01-31' }),
      calendar,
    );
    expect(dates.map((d) => d.date)).toEqual(['2026-01-04']);
  });

  it('skips or keeps a day off when the programme says so', () => {
    const base = { rule: { kind: 'weekdays', weekdays: [1] }, from: '2026-05-01', to: '2026-05-31' };
    expect(receptionDates(programme({ ...base, onDayOff: 'skip' }), calendar).map((d) => d.date)).toEqual([
      '2026-05-11',
      '2026-05-18',
      '2026-05-25',
    ]);
    expect(receptionDates(programme({ ...base, onDayOff: 'keep' }), calendar)[0]?.date).toBe('2026-05-04');
    expect(receptionDates(programme(base), calendar)[0]?.date).toBe('2026-05-06');
  });

  it('counts every working day, make-up workdays included, and every other one across holidays', () => {
    const every = receptionDates(
      programme({ rule: { kind: 'working-days', every: 1 }, from: '2026-09-28', to: '2026-10-12' }),
      calendar,
    ).map((d) => d.date);
    expect(every).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);
    const other = receptionDates(
      programme({ rule: { kind: 'working-days', every: 2 }, from: '2026-09-28', to: '2026-10-12' }),
      calendar,
    ).map((d) => d.date);
    expect(other).toEqual(['2026-09-28', '2026-09-30', '2026-10-09', '2026-10-12']);
  });
});

describe('001 第五篇: the weekly pattern for a quarter (2026-04-01 to 2026-06-30)', () => {
  const quarter = planRota(town, { from: '2026-04-01', to: '2026-06-30' });
  const of = (id: string) => quarter.filter((e) => e.programmeId === id);

  it('has the party secretary every Tuesday and the town head every Thursday, holidays postponed', () => {
    const tuesdays = of('secretary-day').map((e) => e.date);
    expect(tuesdays).toHaveLength(13);
    expect(tuesdays).toContain('2026-05-06'); // Tue 5/5 is Labour Day
    expect(of('secretary-day').every((e) => e.rostered?.leaderId === 'secretary-gao')).toBe(true);
    const thursdays = of('mayor-day').map((e) => e.date);
    expect(thursdays).toHaveLength(13);
    expect(thursdays.slice(0, 2)).toEqual(['2026-04-02', '2026-04-09']);
  });

  it('has another leader every other working day, in turn, make-up Saturday 5/9 included', () => {
    const members = of('members-in-turn');
    const names = members.map((e) => e.rostered?.leaderId);
    // Consecutive receptions go to the next member in the list.
    for (let i = 1; i < names.length; i++) {
      const turn = ['member-he', 'member-xu', 'member-song'];
      expect(turn.indexOf(names[i]!)).toBe((turn.indexOf(names[i - 1]!) + 1) % 3);
    }
    const dates = members.map((e) => e.date);
    for (const date of dates) expect(['2026-04-06', '2026-05-01', '2026-06-19']).not.toContain(date);
    const may = dates.filter((d) => d >= '2026-05-06' && d <= '2026-05-12');
    // Working days 5/6, 5/7, 5/8, 5/9 (make-up Saturday), 5/11, 5/12: every other one.
    expect(may.length).toBe(3);
    expect(may.includes('2026-05-09') !== may.includes('2026-05-08')).toBe(true);
  });

  it('has every village head receive each Monday at the village, holiday Mondays skipped', () => {
    const mondays = of('village-mondays');
    expect(new Set(mondays.map((e) => e.date)).size).toBe(11); // 13 Mondays less 4/6 and 5/4
    expect(mondays.filter((e) => e.date === '2026-04-13').map((e) => e.place)).toEqual([
      '东村村委会办公室',
      '西村村委会办公室',
    ]);
    const west = mondays.find((e) => e.rostered?.unitId === 'village-west')!;
    expect(west.rostered?.email).toBe('zhao.lan@example.org'); // the head has no address: told through the contact
    expect(west.id).toMatch(/^village-mondays:2026-04-\d\d:village-west$/);
  });
});
