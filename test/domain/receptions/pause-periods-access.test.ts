import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueCredentials } from '../../../client/access/issue-credentials';
import { mayAct } from '../../../domain/access/permissions';
import { parsePlanText } from '../../../domain/plan/load-plan';
import type { Plan } from '../../../domain/plan/schema';
import {
  applyPause,
  currentPause,
  pausedAt,
  planPause,
  planResume,
  receptionSuspended,
} from '../../../domain/receptions/pause';
import { periodSummaries } from '../../../domain/receptions/period-summaries';
import { applyRecord, planRecord, type ProgrammeContext } from '../../../domain/receptions/register';
import { initialProgrammeState, RecordReceptionInputSchema } from '../../../domain/receptions/register-schema';
import { programmeRota, rosteredUnits } from '../../../domain/receptions/rota';

function example(file: string): Plan {
  const text = readFileSync(path.resolve(__dirname, '../../../examples', file), 'utf8');
  const parsed = parsePlanText(text, file);
  if (!parsed.ok) throw new Error(`${file} must be valid`);
  return parsed.plan;
}

const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);
const bureau = example('reception-days.yaml');
const programme = bureau.receptions!.find((p) => p.id === 'bureau-reception')!;
const ctx: ProgrammeContext = { plan: bureau, programme, rota: programmeRota(bureau, programme) };
const empty = initialProgrammeState(at('2026-01-01', '00:00'));

describe('pausing a reception programme (暂停、恢复)', () => {
  const paused = applyPause(empty, { fromMs: at('2026-01-10', '09:00'), by: 'office', reason: '防汛' });

  it('refuses a second pause and a resume of a programme that is not paused', () => {
    const again = planPause(paused, { by: 'office', reason: '再次' }, at('2026-01-11', '09:00'));
    expect(again.ok ? 'accepted' : again.error.code).toBe('already_paused');
    const resume = planResume(empty, at('2026-01-11', '09:00'));
    expect(resume.ok ? 'accepted' : resume.error.code).toBe('not_paused');
  });

  it('judges each instant by the pause in force then, before and after a resume', () => {
    const resumed = planResume(paused, at('2026-01-17', '10:00'));
    if (!resumed.ok) throw new Error(resumed.error.message);
    const state = applyPause(paused, resumed.value);
    expect(currentPause(state)).toBeUndefined();
    expect(state.pauses).toHaveLength(1);
    expect(
      [at('2026-01-10', '08:59'), at('2026-01-15', '08:00'), at('2026-01-17', '10:00')].map((ms) =>
        pausedAt(state, ms),
      ),
    ).toEqual([false, true, false]);
    // The 16th lay inside the pause; the 17th's resume at 10:00 touched no reception day; 1/4 was before it.
    const entry = (date: string) => ctx.rota.find((e) => e.date === date)!;
    expect(['2026-01-04', '2026-01-16', '2026-02-02'].map((d) => receptionSuspended(ctx, state, entry(d)))).toEqual([
      false,
      true,
      false,
    ]);
    // A pause begun in the afternoon of a reception day suspends that day too.
    const afternoon = applyPause(empty, { fromMs: at('2026-01-16', '15:00'), by: 'office', reason: '临时' });
    expect(receptionSuspended(ctx, afternoon, entry('2026-01-16'))).toBe(true);
  });
});

describe('weekly and monthly counts for the campaign report', () => {
  it('counts each week and month that has begun, the same way as the mails', () => {
    const input = RecordReceptionInputSchema.parse({ noVisitors: true, by: 'office' });
    const decision = planRecord(ctx, empty, input, at('2026-01-04', '10:00'));
    if (!decision.ok) throw new Error(decision.error.message);
    const state = {
      ...applyRecord(empty, decision.value, input, at('2026-01-04', '10:00')),
      suspended: { 'bureau-reception:2026-01-16': true as const },
    };
    const periods = periodSummaries(ctx.rota, state, '2026-02-02');
    expect(periods.months.map((m) => [m.from, m.to, m.scheduled, m.held, m.missed, m.suspended])).toEqual([
      ['2026-01-01', '2026-01-31', 2, 1, 0, 1],
      ['2026-02-01', '2026-02-28', 2, 0, 0, 0],
    ]);
    expect(periods.weeks.map((w) => [w.from, w.to, w.held, w.suspended])).toEqual([
      ['2025-12-29', '2026-01-04', 1, 0],
      ['2026-01-12', '2026-01-18', 0, 1],
      ['2026-02-02', '2026-02-08', 0, 0],
    ]);
  });
});

describe('unit heads on the rota record under their own credential', () => {
  const town = example('town-grand-reception.yaml');

  it('gives only the programme with unit heads on its rota their credentials', () => {
    const { access } = issueCredentials(town, 'town', 5);
    const holders = (id: string) => Object.keys(access.receptions?.[id] ?? {}).filter((p) => p.startsWith('unit:'));
    expect(holders('village-mondays').sort()).toEqual(['unit:village-east', 'unit:village-west']);
    expect(holders('secretary-day')).toEqual([]);
    expect(
      rosteredUnits(
        town,
        town.receptions!.find((p) => p.id === 'village-mondays')!,
      ),
    ).toEqual(['village-east', 'village-west']);
  });

  it('lets a unit record a reception but not pause the programme nor name a substitute', () => {
    expect(mayAct('unit:village-east', 'recordReception')).toBe(true);
    expect(mayAct('unit:village-east', 'substituteReception')).toBe(false);
    expect(mayAct('unit:village-east', 'pauseReceptions')).toBe(false);
    expect(mayAct('leader:secretary-gao', 'pauseReceptions')).toBe(false);
    expect(mayAct('office', 'resumeReceptions')).toBe(true);
  });

  it('refuses a unit head recording another village’s reception', () => {
    const mondays = town.receptions!.find((p) => p.id === 'village-mondays')!;
    const townCtx: ProgrammeContext = { plan: town, programme: mondays, rota: programmeRota(town, mondays) };
    const state = initialProgrammeState(at('2026-03-06', '00:00'));
    const record = (by: string) =>
      planRecord(
        townCtx,
        state,
        RecordReceptionInputSchema.parse({
          receptionId: 'village-mondays:2026-03-09:village-east',
          noVisitors: true,
          by,
        }),
        at('2026-03-09', '10:00'),
      );
    expect(record('unit:village-east (张春生)').ok).toBe(true);
    const other = record('unit:village-west');
    expect(other.ok ? 'accepted' : other.error.code).toBe('not_on_duty');
  });
});
