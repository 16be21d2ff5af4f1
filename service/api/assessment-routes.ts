import type { QueryDefinition } from '@temporalio/common';
import type { z } from 'zod';
import {
  AssessmentStandingSchema,
  AssessmentViewSchema,
  CloseBodySchema,
  ScoresBodySchema,
  ScoresReceiptSchema,
  UnitAssessmentSchema,
  UnitLinesSchema,
} from '../../contracts/assessment-api';
import {
  approveResultUpdate,
  assessmentResultQuery,
  assessmentStandingQuery,
  assessmentWorkflowId,
  closeScoringUpdate,
  submitScoresUpdate,
  unitLinesQuery,
  unitResultQuery,
} from '../../contracts/assessment';
import { AssessmentResultSchema } from '../../domain/assessment/result-schema';
import { CampaignParamsSchema, UnitParamsSchema, type ApiRoute } from '../../contracts/service-api';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import { guard } from './guard';
import { ServiceError } from './http-errors';
import { parseOrThrow } from './parse';

/**
 * The assessment (考核评比) over the service, shells like the CLI's `campaign assessment`: the
 * holder is checked here (domain/access/read-permissions.ts), the workflow checks the credential
 * and every score. A unit sees its own line only, and only once the result is published.
 */

interface Request {
  session: ServiceSession;
  params: Record<string, string>;
  body: unknown;
}

export interface AssessmentRoute extends ApiRoute {
  handle: (ctx: ServiceContext, r: Request) => Promise<unknown>;
}

const campaignOf = (r: Request) => r.params['campaignId'] ?? '';

async function sendScores(ctx: ServiceContext, r: Request) {
  const { scores } = parseOrThrow(ScoresBodySchema, r.body, 'body');
  const access = await guard(ctx, r.session, campaignOf(r), { kind: 'assessment' }, 'assessment-scores');
  const handle = access.client.workflow.getHandle(assessmentWorkflowId(campaignOf(r)));
  return handle.executeUpdate(submitScoresUpdate, { args: [{ by: r.session.principal, scores }] });
}

async function viewAssessment(ctx: ServiceContext, r: Request): Promise<z.infer<typeof AssessmentViewSchema>> {
  await guard(ctx, r.session, campaignOf(r), { kind: 'campaign' }, 'assessment-view');
  const handle = ctx.reader.workflow.getHandle(assessmentWorkflowId(campaignOf(r)));
  const [standing, result] = await Promise.all([
    handle.query(assessmentStandingQuery),
    handle.query(assessmentResultQuery),
  ]);
  return { standing, ...(result ? { result } : {}) };
}

async function close(ctx: ServiceContext, r: Request) {
  const { facts } = parseOrThrow(CloseBodySchema, r.body ?? {}, 'body');
  const access = await guard(ctx, r.session, campaignOf(r), { kind: 'campaign' }, 'assessment-close');
  const handle = access.client.workflow.getHandle(assessmentWorkflowId(campaignOf(r)));
  return handle.executeUpdate(closeScoringUpdate, { args: [{ by: r.session.principal, ...(facts ? { facts } : {}) }] });
}

async function approve(ctx: ServiceContext, r: Request) {
  const access = await guard(ctx, r.session, campaignOf(r), { kind: 'campaign' }, 'assessment-approve');
  const handle = access.client.workflow.getHandle(assessmentWorkflowId(campaignOf(r)));
  return handle.executeUpdate(approveResultUpdate, { args: [{ by: r.session.principal }] });
}

/** What the published result shows one unit, read by `query` once the holder may read that unit. */
async function publishedForUnit<T>(
  ctx: ServiceContext,
  r: Request,
  query: QueryDefinition<T | undefined, [string]>,
  action: string,
): Promise<T> {
  const unitId = r.params['unitId'] ?? '';
  await guard(ctx, r.session, campaignOf(r), { kind: 'unit', unitId }, action);
  const found = await ctx.reader.workflow.getHandle(assessmentWorkflowId(campaignOf(r))).query(query, unitId);
  if (found === undefined) throw new ServiceError(404, 'not_published', `no published result for ${unitId} yet`);
  return found;
}

const unitLine = (ctx: ServiceContext, r: Request) => publishedForUnit(ctx, r, unitResultQuery, 'assessment-unit');
const unitLines = (ctx: ServiceContext, r: Request) =>
  publishedForUnit(ctx, r, unitLinesQuery, 'assessment-unit-lines');

export const ASSESSMENT_ROUTES: AssessmentRoute[] = [
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/assessment/scores',
    summary: "an assessor's scores (评分): each unit and item, checked against the plan; a bad score refuses the sheet",
    params: CampaignParamsSchema,
    body: ScoresBodySchema,
    response: ScoresReceiptSchema,
    handle: sendScores,
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/assessment',
    summary: 'where scoring stands (who still owes scores) and the result once computed',
    params: CampaignParamsSchema,
    response: AssessmentViewSchema,
    handle: viewAssessment,
  },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/assessment/close',
    summary: 'close scoring and compute the result (the office or a leader), with facts and vetoes if given',
    params: CampaignParamsSchema,
    body: CloseBodySchema,
    response: AssessmentResultSchema,
    handle: close,
  },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/assessment/approve',
    summary: 'approve the computed result for publication (审定, a leader the plan names)',
    params: CampaignParamsSchema,
    response: AssessmentStandingSchema,
    handle: approve,
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/units/:unitId/assessment',
    summary: "a unit's own breakdown, once the result is published",
    params: UnitParamsSchema,
    response: UnitAssessmentSchema,
    handle: unitLine,
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/units/:unitId/assessment/lines',
    summary: "a unit's own line and those of the entrants it nominated (申报单位: a school's teachers), once published",
    params: UnitParamsSchema,
    response: UnitLinesSchema,
    handle: unitLines,
  },
];
