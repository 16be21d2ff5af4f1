import type { CampaignEvent } from '../unit/campaign-events';
import type { AssessmentAlarm } from './assessment-alarms';

/**
 * Where the campaign an assessment belongs to stands, as its events tell the assessment: paused
 * (提醒暂停), ended, or cancelled with a reason. The assessment is a workflow of its own beside the
 * campaign; these rules say what each turn of the campaign means for it.
 */
export interface CampaignCourse {
  paused: boolean;
  ended: boolean;
  cancelled?: { reason: string; by: string };
}

export const initialCourse = (): CampaignCourse => ({ paused: false, ended: false });

/**
 * The campaign's events an assessment takes. Number 0 only creates the units' workflows
 * (campaign-commands.ts `startAllUnits`): it pauses nothing.
 */
export function concernsAssessment(event: CampaignEvent): boolean {
  return event.seq > 0 && (event.type === 'paused' || event.type === 'resumed' || event.type === 'campaign-ended');
}

export function followCampaign(course: CampaignCourse, event: CampaignEvent): CampaignCourse {
  switch (event.type) {
    case 'paused':
      return course.ended ? course : { ...course, paused: true };
    case 'resumed':
      return course.ended ? course : { ...course, paused: false };
    case 'campaign-ended':
      return { paused: false, ended: true, ...(event.cancelled ? { cancelled: event.cancelled } : {}) };
    default:
      return course;
  }
}

/**
 * Whether an alarm stays silent. Ranking notices (排名通报) rank the campaign's units as it runs:
 * none while it is paused, none once it has ended. Reminders and the ladder chase assessors, whose
 * scoring often follows the campaign's end: only a pause silences them, as it silences the units'.
 * An alarm silenced is skipped, not held: the next one says what is true then.
 */
export function alarmSilenced(course: CampaignCourse, alarm: AssessmentAlarm): boolean {
  if (course.cancelled) return true;
  if (alarm.kind === 'ranking') return course.paused || course.ended;
  return course.paused;
}

/** A cancelled campaign ends its assessment: no result will be closed, approved or published. */
export function assessmentCancelled(course: CampaignCourse): { code: string; message: string } | undefined {
  if (!course.cancelled) return undefined;
  return {
    code: 'campaign_cancelled',
    message: `the campaign was cancelled by ${course.cancelled.by} (${course.cancelled.reason}): its assessment takes nothing more`,
  };
}
