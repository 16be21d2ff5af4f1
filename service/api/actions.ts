import { unitView } from '../../client/commands/units';
import {
  approvePhaseUpdate,
  caseEventUpdate,
  returnPhaseUpdate,
  submitReportUpdate,
  type SubmitReportInput,
} from '../../contracts';
import type { z } from 'zod';
import type { ApproveBodySchema, ReturnBodySchema } from '../../contracts/service-api';
import { CaseEventSchema } from '../../domain/cases/case-events';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import { guard } from './guard';
import { parseOrThrow } from './parse';

/**
 * The actions, as the CLI's commands take them: the holder's credential goes with each update
 * (the workflow decides), and `by` is the session's principal, never a name the caller chose.
 */

export async function approveFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  body: z.infer<typeof ApproveBodySchema>,
) {
  const access = await guard(ctx, session, campaignId, { kind: 'campaign' }, 'approve');
  const input = { phaseId: body.phaseId, comment: body.comment, by: session.principal };
  return (await access.campaign(campaignId)).executeUpdate(approvePhaseUpdate, { args: [input] });
}

export async function returnFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  body: z.infer<typeof ReturnBodySchema>,
) {
  const access = await guard(ctx, session, campaignId, { kind: 'campaign' }, 'return');
  return (await access.campaign(campaignId)).executeUpdate(returnPhaseUpdate, {
    args: [{ ...body, by: session.principal }],
  });
}

/** One case event (note, transfer, accept, return, …) for a unit's case. */
export async function caseEventFor(
  ctx: ServiceContext,
  session: ServiceSession,
  params: { campaignId: string; unitId: string; caseId: string },
  body: Record<string, unknown>,
) {
  const { campaignId, unitId, caseId } = params;
  const access = await guard(ctx, session, campaignId, { kind: 'unit', unitId }, `case-${String(body['type'])}`);
  const event = parseOrThrow(CaseEventSchema, { ...body, caseId, by: session.principal }, 'body');
  const handle = await access.unit(campaignId, unitId);
  return handle
    .executeUpdate(caseEventUpdate, { args: [event] })
    .catch((error: unknown) => access.explainMissingUnit(error, campaignId, unitId));
}

/** Checks the unit exists before anything is stored, so a wrong unit stores no file. */
export async function submissionTarget(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  unitId: string,
) {
  const access = await guard(ctx, session, campaignId, { kind: 'unit', unitId }, 'submit');
  await unitView(access, campaignId, unitId);
  return access;
}

export async function sendSubmission(
  access: Awaited<ReturnType<typeof submissionTarget>>,
  session: ServiceSession,
  campaignId: string,
  unitId: string,
  input: Omit<SubmitReportInput, 'by'>,
) {
  const handle = await access.unit(campaignId, unitId);
  return handle
    .executeUpdate(submitReportUpdate, { args: [{ ...input, by: session.principal }] })
    .catch((error: unknown) => access.explainMissingUnit(error, campaignId, unitId));
}
