import type { NotificationRequest } from '../domain/notifications/notification';
import { isRehearsal, type PlanClock } from '../domain/clock/plan-clock';
import type { Person, Plan } from '../domain/plan/schema';
import { campaignWorkflowId } from './workflow-ids';

/** What every notice of a campaign's workflows needs to know about the campaign: carried in their inputs. */
export interface NotificationContext {
  campaignWorkflowId: string;
  campaignId: string;
  campaignTitle: string;
  rehearsal: boolean;
  locale: 'zh' | 'en';
  timeZone: string;
  /** Digest mail (plan `campaign.digestMail`); absent in runs started before it existed: off. */
  digest?: boolean;
  office: Person;
  leadingGroup: { head: Person; deputies: Person[]; members: Person[] };
}

/** The context of a campaign's notices, from its plan: one builder for the campaign and its side workflows. */
export function notificationContextOf(plan: Plan, clock: PlanClock): NotificationContext {
  return {
    campaignWorkflowId: campaignWorkflowId(plan.campaign.id),
    campaignId: plan.campaign.id,
    campaignTitle: plan.campaign.title,
    rehearsal: isRehearsal(clock),
    locale: plan.campaign.locale,
    timeZone: plan.campaign.timeZone,
    digest: plan.campaign.digestMail,
    office: plan.office,
    leadingGroup: plan.leadingGroup,
  };
}

/**
 * Mail a run had not finished sending when it continued as new: the next run sends it again. Each
 * request keeps its id, and the delivery log skips whoever already has their message.
 */
export interface CarriedMail {
  direct: NotificationRequest[];
  allUnits: Array<Omit<NotificationRequest, 'to'>>;
}
