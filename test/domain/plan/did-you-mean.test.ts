import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../../domain/plan/did-you-mean';
import { formatIssue } from '../../../domain/plan/validate-plan';
import { deliverableAt, issuesOf } from './plan-fixture';

describe('did you mean', () => {
  it('names the closest id when it is a likely typo', () => {
    expect(didYouMean('town-bb', ['town-a', 'town-b', 'dept-c'])).toBe('; did you mean "town-b"?');
    expect(didYouMean('leader-deptuy', ['leader-head', 'leader-deputy'])).toBe('; did you mean "leader-deputy"?');
  });

  it('says nothing when no id is close', () => {
    expect(didYouMean('police', ['town-a', 'town-b'])).toBe('');
    expect(didYouMean('x', [])).toBe('');
  });

  it('is part of plan validation for units, leaders and report kinds', () => {
    const { errors } = issuesOf((plan) => {
      deliverableAt(plan, 0, 0).owedBy = ['town-bb'];
      deliverableAt(plan, 1, 0).kind = 'sumary';
      plan.escalation = [{ after: '1d', notify: [{ leader: 'leader-deptuy' }] }];
    });
    expect(errors.map(formatIssue)).toEqual([
      'phases[0].deliverables[0].owedBy[0]: no unit has id "town-bb"; did you mean "town-b"?',
      'phases[1].deliverables[0].kind: "sumary" is neither a built-in report kind (summary, member-list, case-ledger, progress, document) nor defined under reportKinds; did you mean "summary"?',
      'escalation[0].notify[0].leader: no person in the leading group has id "leader-deptuy"; did you mean "leader-deputy"?',
    ]);
  });
});
