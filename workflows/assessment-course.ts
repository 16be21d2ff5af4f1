import { log, setHandler } from '@temporalio/workflow';
import { campaignEventSignal } from '../contracts';
import type { AuditEntry } from '../domain/access/audit-log';
import {
  concernsAssessment,
  followCampaign,
  initialCourse,
  type CampaignCourse,
} from '../domain/assessment/campaign-course';
import { CampaignEventSchema } from '../domain/unit/campaign-events';
import { createSealedInbox } from './sealed-inbox';

/**
 * The assessment's door for its campaign's pauses, resumptions and end (campaign-commands.ts sends
 * them, sealed). Only the campaign may send them: anything else is audited and changes nothing.
 */
export function installCampaignCourse(host: {
  key: string | undefined;
  record: (entry: AuditEntry) => void;
  now: () => number;
}): () => CampaignCourse {
  let course = initialCourse();
  const inbox = createSealedInbox({ key: host.key ?? '', self: 'assessment', record: host.record, now: host.now });
  setHandler(campaignEventSignal, (raw, seal) => {
    const sealed = inbox.accept('campaignEvent', raw, seal);
    if (!sealed) return;
    const parsed = CampaignEventSchema.safeParse(raw);
    if (!parsed.success || sealed.from !== 'campaign' || !concernsAssessment(parsed.data)) {
      log.warn('ignored a campaign event', { type: parsed.data?.type ?? 'malformed' });
      return;
    }
    course = followCampaign(course, parsed.data);
  });
  return () => course;
}
