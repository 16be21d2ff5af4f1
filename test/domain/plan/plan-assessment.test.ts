import { describe, expect, it } from 'vitest';
import type { AssessmentInput } from '../../../domain/plan/assessment-schema';
import type { PlanInput } from '../../../domain/plan/schema';
import { issuesOf } from './plan-fixture';

/** A valid assessment of the fixture's three units; each test introduces one mistake. */
function assessment(): AssessmentInput {
  return {
    title: '年度考核',
    panel: [
      { id: 'judge-1', name: '评委一', email: 'j1@example.org' },
      { id: 'judge-2', name: '评委二', email: 'j2@example.org' },
      { id: 'judge-3', name: '评委三', email: 'j3@example.org' },
    ],
    items: [
      { id: 'reading', name: '读书学习', weight: 10 },
      { id: 'routine', name: '常规资料', weight: 20 },
      { id: 'teaching', name: '课堂教学', weight: 70 },
    ],
    combine: { method: 'trimmed-mean', dropHighest: 1, dropLowest: 1 },
    groups: [
      { id: 'towns', name: '乡镇', entrants: ['town-a', 'town-b'] },
      { id: 'depts', name: '部门', entrants: ['dept-c'] },
    ],
    awards: [
      { id: 'first', name: '一等奖', count: 1, per: 'group' },
      { id: 'good', name: '优秀奖', rest: true },
    ],
  };
}

function check(change: (a: AssessmentInput, plan: PlanInput) => void) {
  return issuesOf((plan) => {
    const a = assessment();
    change(a, plan);
    plan.assessment = a;
  });
}

const codes = (issues: { code: string; path: (string | number)[] }[]) =>
  issues.map((issue) => `${issue.code} ${issue.path.join('.')}`);

describe('the assessment section of a plan', () => {
  it('accepts a weighted acceptance with a panel, groups and tiers', () => {
    expect(check(() => undefined)).toEqual({ errors: [], warnings: [] });
  });

  it('refuses weights that do not add up to 100%, saying what they add up to', () => {
    const { errors } = check((a) => {
      a.items[1] = { id: 'routine', name: '常规资料', weight: 20.5 };
    });
    expect(codes(errors)).toEqual(['weights_not_100 assessment.items']);
    expect(errors[0]?.message).toBe('the weights add up to 100.5%, not 100%');
  });

  it('refuses a mix of points and weights, and an item with neither', () => {
    const { errors } = check((a) => {
      a.items = [
        { id: 'a', name: 'A', points: 4 },
        { id: 'b', name: 'B', weight: 100 },
        { id: 'c', name: 'C' },
      ];
    });
    expect(codes(errors)).toEqual([
      'item_without_value assessment.items.2',
      'items_mixed_points_and_weights assessment.items',
    ]);
  });

  it('refuses a tier per group larger than a group, and an overall tier larger than the field', () => {
    const { errors } = check((a) => {
      a.awards = [
        { id: 'first', name: '一等奖', count: 2, per: 'group' },
        { id: 'second', name: '二等奖', count: 4 },
      ];
    });
    expect(codes(errors)).toEqual([
      'award_larger_than_group assessment.awards.0.count',
      'award_larger_than_field assessment.awards.1.count',
    ]);
    expect(errors[0]?.message).toBe('一等奖 is given to 2 per group, but group "depts" has 1');
  });

  it('refuses a trimmed mean that would drop every score of an item', () => {
    const { errors } = check((a) => {
      a.items[2] = { id: 'teaching', name: '课堂教学', weight: 70, assessors: ['judge-1', 'leader-head'] };
    });
    expect(codes(errors)).toEqual(['trimmed_mean_drops_all assessment.items.2']);
    expect(errors[0]?.message).toContain('has 2 assessor(s) and the trimmed mean drops 2');
  });

  it('refuses assessors who are neither leaders nor on the panel', () => {
    const { errors } = check((a) => {
      a.items[0] = { id: 'reading', name: '读书学习', weight: 10, assessors: ['judge-1', 'stranger', 'leader-head'] };
    });
    expect(codes(errors)).toEqual(['unknown_assessor assessment.items.0.assessors.1']);
  });

  it('refuses unknown entrants in groups, an entrant in two groups, and unknown tie-break items', () => {
    const { errors } = check((a) => {
      a.groups = [
        { id: 'towns', name: '乡镇', entrants: ['town-a', 'town-x'] },
        { id: 'depts', name: '部门', entrants: ['dept-c', 'town-a'] },
      ];
      a.tieBreak = ['teaching', 'singing'];
    });
    expect(codes(errors)).toEqual([
      'unknown_item assessment.tieBreak.1',
      'unknown_entrant assessment.groups.0.entrants.1',
      'entrant_in_two_groups assessment.groups.1.entrants.1',
    ]);
  });

  it('refuses a tier with no size, and warns of a tier nobody can reach', () => {
    const { errors, warnings } = check((a) => {
      a.awards = [
        { id: 'good', name: '优秀奖', rest: true },
        { id: 'level', name: '示范课' },
      ];
    });
    expect(codes(errors)).toEqual(['award_unbounded assessment.awards.1']);
    expect(codes(warnings)).toEqual(['award_after_rest assessment.awards.1']);
  });

  it('counts nominations against a quota of a unit’s members, rounded down', () => {
    const { errors } = check((a) => {
      a.entrants = [
        { id: 't1', name: '王老师', unit: 'town-a' },
        { id: 't2', name: '李老师', unit: 'town-a' },
        { id: 't3', name: '张老师', unit: 'town-b' },
      ];
      a.groups = [];
      a.awards = [{ id: 'pass', name: '达标', minScore: 60 }];
      a.nomination = { quota: '1/4', members: { 'town-a': 7, 'town-b': 4 } };
    });
    expect(codes(errors)).toEqual(['nomination_over_quota assessment.nomination.members.town-a']);
    expect(errors[0]?.message).toBe('unit "town-a" nominates 2, but may nominate at most 1 (1/4 of 7, rounded down)');
  });

  it('asks a count fact for its points per occurrence, and refuses deductions on a rate', () => {
    const { errors } = check((a) => {
      a.items = [
        { id: 'on-time', name: '按时上报', points: 5, computed: { fact: 'on-time-rate' } },
        { id: 'overdue', name: '超期案件', points: 5, computed: { fact: 'overdue-cases' } },
      ];
      a.deductions = [{ id: 'd', name: '扣分', fact: 'closure-rate', points: 1 }];
    });
    expect(codes(errors)).toEqual([
      'count_without_per_each assessment.items.1.computed',
      'deduction_on_rate assessment.deductions.0.fact',
    ]);
  });

  it('refuses a scoring window in a phase the plan does not have', () => {
    const { errors } = check((a) => {
      a.window = { phase: 'judging' };
    });
    expect(codes(errors)).toEqual(['unknown_phase assessment.window.phase']);
  });
});
