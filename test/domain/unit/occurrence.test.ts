import { describe, expect, it } from 'vitest';
import { caseLedgerContextFromPlan } from '../../../domain/cases/ledger-context';
import { obligationsForPhase } from '../../../domain/schedule/obligations';
import { applyCampaignEvent } from '../../../domain/unit/apply-campaign-event';
import { describeOccurrence } from '../../../domain/unit/occurrence';
import { checkSubmission, resolveObligation } from '../../../domain/unit/submission-rules';
import { initialUnitState } from '../../../domain/unit/unit-state';
import { beijing, smallPlan } from '../../support/plans';

// A weekly report across the National Day holiday: its 2026-10-02 occurrence is postponed
// (遇节假日顺延) to the first working day after the holiday, 2026-10-08.
const plan = smallPlan('weekly', {
  campaign: {
    id: 'weekly',
    title: '周报',
    organiser: '县信访局',
    postponeDueDatesOnDaysOff: true,
    calendar: { daysOff: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workdays: [] },
  },
  phases: [
    {
      id: 'resolve',
      name: '化解整治',
      window: { start: '2026-09-25', end: '2026-10-20' },
      deliverables: [
        { id: 'weekly', title: '每周进展', kind: 'progress', due: { after: '1w' }, recurrence: { every: '1w' } },
      ],
    },
  ],
});
const window = { startMs: beijing('2026-09-25'), endMs: beijing('2026-10-20') };
const unit = applyCampaignEvent(
  initialUnitState('town-a', '甲镇', caseLedgerContextFromPlan(plan)),
  {
    type: 'phase-opened',
    seq: 1,
    phaseId: 'resolve',
    phaseName: '化解整治',
    ...window,
    casesFiling: false,
    obligations: obligationsForPhase(plan, plan.phases[0]!, window),
  },
  window.startMs,
).state;

describe('naming an occurrence of a recurring report', () => {
  it('takes the postponed date that todo shows, and the planned one', () => {
    const postponed = unit.obligations.find((o) => o.key === 'weekly@2026-10-02')!;
    expect(postponed.dueMs).toBe(beijing('2026-10-08', '18:00'));
    for (const date of ['2026-10-08', '2026-10-02']) {
      const found = resolveObligation(unit, 'weekly', date, true);
      expect(found.ok && found.value.key).toBe('weekly@2026-10-02');
    }
    const next = resolveObligation(unit, 'weekly', '2026-10-09', true);
    expect(next.ok && next.value.key).toBe('weekly@2026-10-09');
  });

  it('says which dates exist, both planned and postponed, when a date names none', () => {
    const check = checkSubmission(
      unit,
      { deliverableId: 'weekly', occurrence: '2026-10-05', report: { text: '进展' }, by: 'unit:town-a' },
      beijing('2026-10-03'),
      {},
    );
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.error.code).toBe('unknown_occurrence');
    expect(check.error.message).toContain('2026-10-08 (planned 2026-10-02, postponed)');
    expect(check.error.message).toContain('2026-10-09');
  });

  it('describes an occurrence that was not postponed by its date alone', () => {
    expect(
      describeOccurrence({ key: 'weekly@2026-10-09', dueMs: beijing('2026-10-09', '18:00') }, 'Asia/Shanghai'),
    ).toBe('2026-10-09');
  });
});
