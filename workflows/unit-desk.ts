import { getExternalWorkflowHandle } from '@temporalio/workflow';
import { unitNoticesSignal, type UnitWorkflowInput } from '../contracts';
import { sealMessage } from '../domain/access/message-seal';
import type { NoticeDesk } from './notifier';

/**
 * A unit's way to the campaign's digest (campaign-digest.ts): its notices, sealed with the campaign's
 * key and numbered, so the campaign takes them only from this unit and only once. The number is
 * carried across continue-as-new (SealCarry.noticeSeq).
 */
export function createUnitDesk(input: UnitWorkflowInput): { desk: NoticeDesk; seq: () => number } {
  let seq = input.carried?.seals?.noticeSeq ?? 0;
  const campaign = getExternalWorkflowHandle(input.context.campaignWorkflowId);
  const desk: NoticeDesk = async (notices) => {
    seq += 1;
    const seal = sealMessage(input.messageKey, {
      channel: 'unitNotices',
      from: input.unit.id,
      seq,
      to: ['campaign'],
      payload: notices,
    });
    await campaign.signal(unitNoticesSignal, notices, seal);
  };
  return { desk, seq: () => seq };
}
