import type { NotificationRequest } from '../domain/notifications/notification';
import type { Person } from '../domain/plan/schema';

/** What every notice of a campaign's workflows needs to know about the campaign: carried in their inputs. */
export interface NotificationContext {
  campaignWorkflowId: string;
  campaignId: string;
  campaignTitle: string;
  rehearsal: boolean;
  locale: 'zh' | 'en';
  timeZone: string;
  office: Person;
  leadingGroup: { head: Person; deputies: Person[]; members: Person[] };
}

/**
 * Mail a run had not finished sending when it continued as new: the next run sends it again. Each
 * request keeps its id, and the delivery log skips whoever already has their message.
 */
export interface CarriedMail {
  direct: NotificationRequest[];
  allUnits: Array<Omit<NotificationRequest, 'to'>>;
}
