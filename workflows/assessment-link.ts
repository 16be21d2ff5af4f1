import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import { campaignEventSignal } from '../contracts';
import { assessmentWorkflowId } from '../contracts/assessment';
import { sealMessage } from '../domain/access/message-seal';
import { concernsAssessment } from '../domain/assessment/campaign-course';
import type { CampaignEvent } from '../domain/unit/campaign-events';
import type { CampaignRun } from './campaign-run';

/**
 * Tells the campaign's assessment (考核评比, a workflow of its own) that the campaign paused,
 * resumed or ended, sealed for it alone. A campaign started without its assessment (a test, an
 * assessment closed by hand) is noted in the log, not failed.
 */
export async function tellAssessment(run: CampaignRun, event: CampaignEvent): Promise<void> {
  if (!run.plan.assessment || !concernsAssessment(event)) return;
  const seal = sealMessage(run.input.messageKey, {
    channel: 'campaignEvent',
    from: 'campaign',
    seq: event.seq,
    to: ['assessment'],
    payload: event,
  });
  try {
    await getExternalWorkflowHandle(assessmentWorkflowId(run.plan.campaign.id)).signal(
      campaignEventSignal,
      event,
      seal,
    );
  } catch (error) {
    log.info('the assessment did not take a campaign event', { type: event.type, error: String(error) });
  }
}
