import type { z } from 'zod';
import {
  ActionReceiptSchema,
  CampaignParamsSchema,
  CancelBodySchema,
  EmptyBodySchema,
  ExtendBodySchema,
  ExtendResultSchema,
  PlanValidateBodySchema,
  PlanValidationViewSchema,
  UnitParamsSchema,
} from '../../contracts/service-api';
import {
  cancelCampaignUpdate,
  extendDeadlineUpdate,
  pauseRemindersUpdate,
  resumeRemindersUpdate,
  type ActionReceipt,
} from '../../contracts';
import { formatIssueIn, parsePlanText } from '../../domain/plan/load-plan';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import { guard, refuse } from './guard';
import { parseOrThrow } from './parse';
import type { RouteDefinition } from './route-table';

/**
 * The office's controls: check a plan, pause, resume and cancel a campaign, extend a unit's
 * deadline. The workflows decide with the office's credential; the service refuses units first.
 */

async function campaignUpdate(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  action: 'pause' | 'resume' | 'cancel',
  reason?: string,
): Promise<ActionReceipt> {
  const access = await guard(ctx, session, campaignId, { kind: 'campaign' }, action);
  const handle = await access.campaign(campaignId);
  const by = session.principal;
  if (action === 'pause') return handle.executeUpdate(pauseRemindersUpdate, { args: [{ by }] });
  if (action === 'resume') return handle.executeUpdate(resumeRemindersUpdate, { args: [{ by }] });
  return handle.executeUpdate(cancelCampaignUpdate, { args: [{ reason: reason ?? '', by }] });
}

/** Every issue of a plan with its line, as `campaign validate` lists them; the office's tool. */
export async function validatePlanFor(
  ctx: ServiceContext,
  session: ServiceSession,
  body: z.infer<typeof PlanValidateBodySchema>,
) {
  if (session.principal !== 'office') {
    await refuse(
      ctx,
      session,
      session.campaignId,
      'validate-plan',
      `${session.principal} may not check plans: the office does`,
    );
  }
  const result = parsePlanText(body.text, body.fileName, { draft: body.draft === true });
  const errors = result.ok ? [] : result.errors;
  const lines = [...errors, ...result.warnings].map((issue) => formatIssueIn(body.fileName, issue));
  return { ok: result.ok, errors, warnings: result.warnings, lines };
}

const campaignOf = (params: Record<string, string>) => params['campaignId'] ?? '';

export const OFFICE_ROUTES: RouteDefinition[] = [
  {
    method: 'post',
    path: '/api/plans/validate',
    summary: 'check a plan (YAML or JSON text): every error and warning with its line',
    body: PlanValidateBodySchema,
    response: PlanValidationViewSchema,
    handle: (ctx, r) => validatePlanFor(ctx, r.session, parseOrThrow(PlanValidateBodySchema, r.body, 'body')),
  },
  ...(['pause', 'resume'] as const).map((action): RouteDefinition => ({
    method: 'post',
    path: `/api/campaigns/:campaignId/${action}`,
    summary: `${action} reminders and escalations (deadlines stay)`,
    params: CampaignParamsSchema,
    body: EmptyBodySchema,
    response: ActionReceiptSchema,
    handle: (ctx, r) => campaignUpdate(ctx, r.session, campaignOf(r.params), action),
  })),
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/cancel',
    summary: 'cancel the campaign, with a reason',
    params: CampaignParamsSchema,
    body: CancelBodySchema,
    response: ActionReceiptSchema,
    handle: (ctx, r) =>
      campaignUpdate(
        ctx,
        r.session,
        campaignOf(r.params),
        'cancel',
        parseOrThrow(CancelBodySchema, r.body, 'body').reason,
      ),
  },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/units/:unitId/extend',
    summary: "extend a unit's deadline for one deliverable, with a reason",
    params: UnitParamsSchema,
    body: ExtendBodySchema,
    response: ExtendResultSchema,
    handle: async (ctx, r) => {
      const campaignId = campaignOf(r.params);
      const unitId = r.params['unitId'] ?? '';
      const body = parseOrThrow(ExtendBodySchema, r.body, 'body');
      const access = await guard(ctx, r.session, campaignId, { kind: 'unit', unitId }, 'extend');
      return (await access.unit(campaignId, unitId))
        .executeUpdate(extendDeadlineUpdate, { args: [{ ...body, by: r.session.principal }] })
        .catch((error: unknown) => access.explainMissingUnit(error, campaignId, unitId));
    },
  },
];
