import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../../domain/calendar/local-time';
import { postponeToWorkingDay } from '../../../domain/calendar/working-days';
import { parsePlanText } from '../../../domain/plan/load-plan';
import { planJsonSchemaText } from '../../../domain/plan/plan-json-schema';

const examplesDir = path.resolve(__dirname, '../../../examples');
const read = (name: string) => readFileSync(path.join(examplesDir, name), 'utf8');

/** Warnings an example carries on purpose, each explained by a comment in the file. */
const INTENDED_WARNINGS: Record<string, string[]> = {
  'county-petition-campaign.yaml': ['due_after_phase_end phases[0].deliverables[0].due'],
  'school-three-phase.yaml': [],
  'weekly-progress.yaml': [],
  'effective-classroom.yaml': [],
  // The judges and the leading group work in the last two phases; the classes owe nothing then.
  'song-contest.yaml': ['phase_owes_nothing phases[1].deliverables', 'phase_owes_nothing phases[2].deliverables'],
  'reception-days.yaml': ['phase_owes_nothing phases[0].deliverables'],
  'town-grand-reception.yaml': ['receptions_without_ledger receptions'],
};

describe('example plans', () => {
  it.each(Object.keys(INTENDED_WARNINGS))('%s passes validation with only its intended warnings', (name) => {
    const text = read(name);
    expect(text.startsWith('# yaml-language-server: $schema=./plan.schema.json\n')).toBe(true);
    const result = parsePlanText(text, name);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings.map((w) => `${w.code} ${w.path.join('.').replace(/\.(\d+)/g, '[$1]')}`)).toEqual(
      INTENDED_WARNINGS[name],
    );
  });

  it('moves the county plan’s weekly report on Monday 5/4 (Labour Day) to Wednesday 5/6', () => {
    const result = parsePlanText(read('county-petition-campaign.yaml'), 'county');
    if (!result.ok) throw new Error('the county example must be valid');
    const { timeZone, calendar, postponeDueDatesOnDaysOff } = result.plan.campaign;
    expect(postponeDueDatesOnDaysOff).toBe(true);
    const due = localToInstant('2026-05-04', '18:00', timeZone);
    expect(postponeToWorkingDay(due, timeZone, calendar)).toBe(localToInstant('2026-05-06', '18:00', timeZone));
  });

  it('keeps examples/plan.schema.json equal to the schema generated from PlanSchema (run `npm run schema`)', () => {
    expect(read('plan.schema.json')).toBe(planJsonSchemaText());
  });
});
