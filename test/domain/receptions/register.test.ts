import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../../domain/plan/load-plan';
import { alarmsBetween, programmeAlarms } from '../../../domain/receptions/alarms';
import { applyRecord, planRecord, planSubstitute, type ProgrammeContext } from '../../../domain/receptions/register';
import { initialProgrammeState, RecordReceptionInputSchema } from '../../../domain/receptions/register-schema';
import { programmeRota } from '../../../domain/receptions/rota';
import { summarise } from '../../../domain/receptions/summary';

const text = readFileSync(path.resolve(__dirname, '../../../examples/reception-days.yaml'), 'utf8');
const parsed = parsePlanText(text, 'reception-days.yaml');
if (!parsed.ok) throw new Error('the example must be valid');
const plan = parsed.plan;
const programme = plan.receptions!.find((p) => p.id === 'bureau-reception')!;
const ctx: ProgrammeContext = { plan, programme, rota: programmeRota(plan, programme) };
const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);
const record = (input: Record<string, unknown>) => RecordReceptionInputSchema.parse(input);

describe('the alarms of 004’s programme', () => {
  const alarms = programmeAlarms(ctx);
  it('tells the leader the afternoon before and the morning of 10/8, and closes the day at midnight', () => {
    const around = alarmsBetween(alarms, at('2026-10-07', '00:00'), at('2026-10-09', '00:00'));
    expect(around.map((a) => [a.kind, new Date(a.atMs).toISOString()])).toEqual([
      ['notice', new Date(at('2026-10-07', '16:00')).toISOString()],
      ['notice', new Date(at('2026-10-08', '08:00')).toISOString()],
      ['end-of-day', new Date(at('2026-10-09', '00:00')).toISOString()],
    ]);
  });

  it('sums up each week with a reception on the Monday after, and each month on the 1st', () => {
    const summaries = alarms.filter((a) => a.kind === 'summary');
    expect(summaries.filter((a) => a.kind === 'summary' && a.period === 'week')).toHaveLength(24);
    expect(summaries.filter((a) => a.kind === 'summary' && a.period === 'month')).toHaveLength(12);
    expect(summaries[0]).toEqual({
      kind: 'summary',
      atMs: at('2026-01-05', '09:00'),
      period: 'week',
      from: '2025-12-29',
      to: '2026-01-04',
    });
  });
});

describe('the register and substitutes', () => {
  const empty = initialProgrammeState(at('2026-01-01', '00:00'));

  it.each([
    [{ date: '2026-01-05', noVisitors: true, by: 'office' }, '2026-01-05', 'no_reception'],
    [{ date: '2026-01-16', noVisitors: true, by: 'office' }, '2026-01-05', 'reception_not_yet'],
    [{ noVisitors: true, by: 'leader:deputy-chen' }, '2026-01-04', 'not_on_duty'],
  ])('refuses %j on %s: %s', (input, today, code) => {
    const decision = planRecord(ctx, empty, record(input), at(today, '10:00'));
    expect(decision.ok ? 'accepted' : decision.error.code).toBe(code);
  });

  it('refuses a record after the miss was reported, and a hand-over to an unknown unit', () => {
    const missed = {
      ...empty,
      missed: {
        'bureau-reception:2026-01-04': {
          receptionId: 'bureau-reception:2026-01-04',
          date: '2026-01-04',
          dutyKey: 'leader:secretary-liu',
          name: '刘建国',
        },
      },
    };
    const late = planRecord(
      ctx,
      missed,
      record({ date: '2026-01-04', noVisitors: true, by: 'office' }),
      at('2026-01-05', '09:00'),
    );
    expect(late.ok ? 'accepted' : late.error.code).toBe('reception_missed');
    const visitor = {
      name: '张某',
      matter: '反映',
      answer: '已记录',
      handOver: { unit: 'nowhere', handler: '某', deadline: '2026-02-01' },
    };
    const unknown = planRecord(ctx, empty, record({ visitors: [visitor], by: 'office' }), at('2026-01-04', '10:00'));
    expect(unknown.ok ? 'accepted' : unknown.error.message).toBe('visitor 1: no unit has id "nowhere"');
  });

  it('counts records, hand-overs, substitutes and misses in a summary', () => {
    const input = record({
      by: 'leader:secretary-liu',
      visitors: [
        { name: '王某', matter: '咨询', answer: '已答复' },
        {
          name: '李某',
          matter: '工资',
          answer: '交办',
          handOver: { unit: 'school-first-middle', handler: '何军', deadline: '2026-02-01' },
        },
      ],
    });
    const decision = planRecord(ctx, empty, input, at('2026-01-04', '10:00'));
    if (!decision.ok) throw new Error(decision.error.message);
    expect(decision.value.filings[0]?.filing).toMatchObject({
      id: 'bureau-reception-20260104-2',
      source: 'reception-day',
      owningUnit: 'school-first-middle',
      owningLeader: { name: '刘建国', leaderId: 'secretary-liu' },
    });
    const held = applyRecord(empty, decision.value, input, at('2026-01-04', '10:00'));
    const sub = planSubstitute(
      ctx,
      held,
      { date: '2026-01-16', substitute: 'deputy-chen', reason: '出差', by: 'office' },
      at('2026-01-10', '10:00'),
    );
    if (!sub.ok) throw new Error(sub.error.message);
    const state = {
      ...held,
      substitutions: { [sub.value.receptionId]: sub.value },
      missed: {
        [sub.value.receptionId]: {
          receptionId: sub.value.receptionId,
          date: '2026-01-16',
          dutyKey: 'leader:deputy-chen',
          name: '陈立华',
        },
      },
    };
    const january = summarise(ctx.rota, state, '2026-01-01', '2026-01-31');
    expect(january).toMatchObject({
      scheduled: 2,
      held: 1,
      missed: 1,
      substituted: 1,
      visitors: 2,
      answeredOnSpot: 1,
      handedOver: 1,
      casesFiled: 0,
    });
    expect(january.leaders).toEqual([
      { name: '刘建国', scheduled: 1, held: 1, missed: 0, substituted: 0 },
      { name: '陈立华', scheduled: 1, held: 0, missed: 1, substituted: 1 },
    ]);
  });

  it('refuses a substitute on the day, one who is not a leader, and one named by another leader', () => {
    const on = (input: Record<string, unknown>, today: string) => {
      const d = planSubstitute(
        ctx,
        empty,
        { date: '2026-01-16', reason: '出差', by: 'office', substitute: 'deputy-chen', ...input },
        at(today, '09:00'),
      );
      return d.ok ? 'accepted' : d.error.code;
    };
    expect(on({}, '2026-01-16')).toBe('reception_started');
    expect(on({ substitute: 'office-xinfang' }, '2026-01-10')).toBe('not_a_leader');
    expect(on({ substitute: 'secretary-liu' }, '2026-01-10')).toBe('same_leader');
    expect(on({ by: 'leader:deputy-wang' }, '2026-01-10')).toBe('not_rostered');
    expect(on({ by: 'leader:secretary-liu' }, '2026-01-10')).toBe('accepted');
  });
});
