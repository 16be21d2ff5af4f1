import { describe, expect, it } from 'vitest';
import type { AssessmentAlarm } from '../../../domain/assessment/assessment-alarms';
import {
  alarmSilenced,
  assessmentCancelled,
  concernsAssessment,
  followCampaign,
  initialCourse,
} from '../../../domain/assessment/campaign-course';

const ranking: AssessmentAlarm = { kind: 'ranking', atMs: 1, period: 'month', from: '2026-04-01', to: '2026-04-30' };
const reminder: AssessmentAlarm = { kind: 'reminder', atMs: 1, index: 0 };
const escalation: AssessmentAlarm = { kind: 'escalation', atMs: 1, step: 1 };

describe('what the campaign’s course means for its assessment', () => {
  it('takes pauses, resumptions and the end, but not the event that only creates the units', () => {
    expect(concernsAssessment({ type: 'paused', seq: 0, by: 'office' })).toBe(false);
    expect(concernsAssessment({ type: 'paused', seq: 3, by: 'office' })).toBe(true);
    expect(concernsAssessment({ type: 'resumed', seq: 4, by: 'office' })).toBe(true);
    expect(concernsAssessment({ type: 'campaign-ended', seq: 5 })).toBe(true);
    expect(concernsAssessment({ type: 'phase-closed', seq: 6, phaseId: 'p1', approved: true })).toBe(false);
  });

  it('silences ranking notices and reminders while paused, and only ranking notices once ended', () => {
    const paused = followCampaign(initialCourse(), { type: 'paused', seq: 1, by: 'office' });
    expect([ranking, reminder, escalation].map((a) => alarmSilenced(paused, a))).toEqual([true, true, true]);
    const resumed = followCampaign(paused, { type: 'resumed', seq: 2, by: 'office' });
    expect([ranking, reminder, escalation].map((a) => alarmSilenced(resumed, a))).toEqual([false, false, false]);
    const ended = followCampaign(paused, { type: 'campaign-ended', seq: 3 });
    expect(ended).toEqual({ paused: false, ended: true });
    expect([ranking, reminder, escalation].map((a) => alarmSilenced(ended, a))).toEqual([true, false, false]);
    // A late pause cannot silence the assessors' reminders after the end.
    expect(followCampaign(ended, { type: 'paused', seq: 4, by: 'office' }).paused).toBe(false);
    expect(assessmentCancelled(ended)).toBeUndefined();
  });

  it('ends the assessment with the campaign’s cancellation, naming who and why', () => {
    const cancelled = followCampaign(initialCourse(), {
      type: 'campaign-ended',
      seq: 2,
      cancelled: { reason: '上级通知取消', by: 'office' },
    });
    expect([ranking, reminder, escalation].map((a) => alarmSilenced(cancelled, a))).toEqual([true, true, true]);
    expect(assessmentCancelled(cancelled)).toEqual({
      code: 'campaign_cancelled',
      message: 'the campaign was cancelled by office (上级通知取消): its assessment takes nothing more',
    });
  });
});
