import { describe, expect, it } from 'vitest';
import { linesForUnit } from '../../../domain/assessment/nominated-lines';
import type { AssessmentResult, EntrantResult } from '../../../domain/assessment/result-schema';
import type { Assessment } from '../../../domain/plan/assessment-schema';

const line = (entrant: string, rank: number) => ({ entrant, rank }) as unknown as EntrantResult;
const result = {
  ranking: [line('t-b-1', 1), line('school-a', 2), line('t-a-1', 3), line('t-a-2', 4)],
} as unknown as AssessmentResult;

describe('the lines a unit may read', () => {
  it('are its own and those of the entrants it nominated, in ranking order, and nobody else’s', () => {
    const assessment = {
      entrants: [
        { id: 't-a-1', name: '甲', unit: 'school-a' },
        { id: 't-b-1', name: '乙', unit: 'school-b' },
        { id: 't-a-2', name: '丙', unit: 'school-a' },
        { id: 'school-a', name: '甲校' },
      ],
    } as unknown as Assessment;
    expect(linesForUnit(assessment, result, 'school-a').map((l) => l.entrant)).toEqual(['school-a', 't-a-1', 't-a-2']);
    expect(linesForUnit(assessment, result, 'school-b').map((l) => l.entrant)).toEqual(['t-b-1']);
    expect(linesForUnit(assessment, result, 'school-c')).toEqual([]);
  });

  it('are the unit’s own line where every unit is an entrant (no entrants listed)', () => {
    expect(linesForUnit({} as Assessment, result, 'school-a').map((l) => l.entrant)).toEqual(['school-a']);
  });
});
