import { WorkflowNotFoundError } from '@temporalio/client';
import { unknownCampaign } from '../../client/errors';
import { mayRead, type ReadTarget } from '../../domain/access/read-permissions';
import { campaignWorkflowId } from '../../contracts';
import { holderAccess, type HolderAccess, type ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import { ServiceError } from './http-errors';

/**
 * The check every view and action makes first: the session's holder may read the target (the
 * pure rule in domain/access/read-permissions.ts). A refusal is a 403 and an entry in the
 * campaign's audit log in the shared store, where the office reads it beside the workflows' own.
 * Writes are checked by the workflows too, with the holder's credential.
 */
export async function guard(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  target: ReadTarget,
  action: string,
): Promise<HolderAccess> {
  if (campaignId !== session.campaignId) {
    await mustExist(ctx, campaignId);
    await refuse(ctx, session, campaignId, action, `signed in for campaign ${session.campaignId}, not ${campaignId}`);
  }
  const verdict = mayRead(session.principal, target);
  if (!verdict.ok) await refuse(ctx, session, campaignId, action, verdict.message);
  const credential = ctx.sessions.credentialOf(session, ctx.now());
  if (credential === undefined) throw new ServiceError(401, 'no_session', 'the session has ended; sign in again');
  return holderAccess(ctx, credential);
}

async function mustExist(ctx: ServiceContext, campaignId: string): Promise<void> {
  try {
    await ctx.reader.workflow.getHandle(campaignWorkflowId(campaignId)).describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw unknownCampaign(campaignId);
    throw error;
  }
}

export async function refuse(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  action: string,
  reason: string,
): Promise<never> {
  await ctx.stores.audit.append({
    scope: session.campaignId,
    actor: session.principal,
    action: `refused:${action}`,
    at: new Date(ctx.now()).toISOString(),
    detail: campaignId === session.campaignId ? reason : `${reason} (asked for ${campaignId})`,
  });
  throw new ServiceError(403, 'forbidden', reason);
}
