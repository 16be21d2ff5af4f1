import { z } from 'zod';
import {
  ActionReceiptSchema,
  ApproveBodySchema,
  AuditViewSchema,
  CampaignParamsSchema,
  CampaignStatusSchema,
  CaseEventBodySchema,
  CaseEventResultSchema,
  CaseListSchema,
  CaseParamsSchema,
  CasesQuerySchema,
  EscalationRowsSchema,
  GlanceSchema,
  LastQuerySchema,
  NotificationsViewSchema,
  OverdueRowsSchema,
  ReportQuerySchema,
  ReturnBodySchema,
  SessionViewSchema,
  SignInBodySchema,
  SubmissionReceiptSchema,
  SubmitFieldsSchema,
  TimelineSchema,
  TodoQuerySchema,
  UnitParamsSchema,
  UnitViewSchema,
  type ApiRoute,
} from '../../contracts/service-api';
import { asOfNow } from '../../contracts';
import { approveFor, caseEventFor, returnFor } from './actions';
import { ASSESSMENT_ROUTES } from './assessment-routes';
import { RECEPTION_ROUTES } from './reception-routes';
import { parseOrThrow } from './parse';
import * as views from './views';
import type { Parsed, RouteDefinition } from './route-table';

const P = CampaignParamsSchema;
const U = UnitParamsSchema;

/** The JSON routes, each a shell: parse with the contract, check the holder (in the view), answer. */
export const API_ROUTES: RouteDefinition[] = [
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/glance',
    summary: 'the campaign as it last published itself (answered with no worker running)',
    params: P,
    response: GlanceSchema,
    handle: (ctx, r) => views.glanceFor(ctx, r.session, r.params['campaignId'] ?? ''),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/status',
    summary: "where the campaign stands: phase, window, every unit's reports",
    params: P,
    response: CampaignStatusSchema,
    handle: (ctx, r) => views.statusFor(ctx, r.session, r.params['campaignId'] ?? ''),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/overdue',
    summary: 'who is late with what, longest overdue first',
    params: P,
    response: OverdueRowsSchema,
    handle: (ctx, r) => views.overdueFor(ctx, r.session, r.params['campaignId'] ?? ''),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/escalations',
    summary: 'every escalation step taken against a late unit',
    params: P,
    response: EscalationRowsSchema,
    handle: (ctx, r) => views.escalationsFor(ctx, r.session, r.params['campaignId'] ?? ''),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/timeline',
    summary: 'what happened, in order: phases, returns, approvals',
    params: P,
    response: TimelineSchema,
    handle: (ctx, r) => views.timelineFor(ctx, r.session, r.params['campaignId'] ?? ''),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/audit',
    summary: "refused attempts: the workflows' audit log and the service's",
    params: P,
    response: AuditViewSchema,
    handle: (ctx, r) => views.auditFor(ctx, r.session, r.params['campaignId'] ?? ''),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/notifications',
    summary: 'who was told what and when',
    params: P,
    query: LastQuerySchema,
    response: NotificationsViewSchema,
    handle: (ctx, r) =>
      views.notificationsFor(
        ctx,
        r.session,
        r.params['campaignId'] ?? '',
        (r.query as z.infer<typeof LastQuerySchema>).last,
      ),
  },
  {
    method: 'get',
    path: '/api/campaigns/:campaignId/report',
    summary: 'the campaign report compiled now (MD, HTML or CSV), as a download',
    params: P,
    query: ReportQuerySchema,
    response: z.string(),
    produces: 'text/markdown, text/html, text/csv',
    handle: async (ctx, r) => {
      const { format } = r.query as z.infer<typeof ReportQuerySchema>;
      const report = await views.reportFor(ctx, r.session, r.params['campaignId'] ?? '', format);
      void r.reply
        .header('content-type', report.mediaType)
        .header('content-disposition', `attachment; filename="${report.fileName}"`);
      return report.text;
    },
  },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/approve',
    summary: 'approve a phase that waits for the leading group',
    params: P,
    body: ApproveBodySchema,
    response: ActionReceiptSchema,
    handle: (ctx, r) =>
      approveFor(ctx, r.session, r.params['campaignId'] ?? '', parseOrThrow(ApproveBodySchema, r.body, 'body')),
  },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/return',
    summary: "send a phase's reports back to some units to redo by a new date",
    params: P,
    body: ReturnBodySchema,
    response: ActionReceiptSchema,
    handle: (ctx, r) =>
      returnFor(ctx, r.session, r.params['campaignId'] ?? '', parseOrThrow(ReturnBodySchema, r.body, 'body')),
  },
  ...unitRoutes(),
  ...ASSESSMENT_ROUTES,
  ...RECEPTION_ROUTES,
];

function unitRoutes(): RouteDefinition[] {
  const unit = (r: Parsed) => [r.params['campaignId'] ?? '', r.params['unitId'] ?? ''] as const;
  return [
    {
      method: 'get',
      path: '/api/campaigns/:campaignId/units/:unitId/todo',
      summary: 'what a unit still owes, and by when (soonest first)',
      params: U,
      query: TodoQuerySchema,
      response: UnitViewSchema,
      handle: (ctx, r) =>
        views.unitStatusFor(ctx, r.session, ...unit(r), {
          todo: true,
          all: (r.query as z.infer<typeof TodoQuerySchema>).all,
        }),
    },
    {
      method: 'get',
      path: '/api/campaigns/:campaignId/units/:unitId/status',
      summary: "one unit's deliverables with their state",
      params: U,
      response: UnitViewSchema,
      handle: (ctx, r) => views.unitStatusFor(ctx, r.session, ...unit(r), { todo: false }),
    },
    {
      method: 'get',
      path: '/api/campaigns/:campaignId/units/:unitId/timeline',
      summary: "one unit's log",
      params: U,
      response: TimelineSchema,
      handle: (ctx, r) => views.unitTimelineFor(ctx, r.session, ...unit(r)),
    },
    {
      method: 'get',
      path: '/api/campaigns/:campaignId/units/:unitId/cases',
      summary: "a unit's cases (the petitioner masked for readers the case is not theirs)",
      params: U,
      query: CasesQuerySchema,
      response: CaseListSchema,
      handle: (ctx, r) => {
        const query = r.query as z.infer<typeof CasesQuerySchema>;
        const filter = {
          ...(query.status === undefined ? {} : { status: query.status }),
          ...(query.unreconciled ? { unreconciled: true } : {}),
          ...(query.overdue ? { overdue: true, asOf: asOfNow() } : {}),
        };
        return views.casesFor(ctx, r.session, ...unit(r), filter);
      },
    },
    {
      method: 'post',
      path: '/api/campaigns/:campaignId/units/:unitId/cases/:caseId/events',
      summary: 'a case event: note, transfer, escalate, extend, submitClosure, accept, return, nextSteps',
      params: CaseParamsSchema,
      body: CaseEventBodySchema,
      response: CaseEventResultSchema,
      handle: (ctx, r) =>
        caseEventFor(
          ctx,
          r.session,
          parseOrThrow(CaseParamsSchema, r.params, 'path'),
          parseOrThrow(CaseEventBodySchema, r.body, 'body'),
        ),
    },
  ];
}

/** Routes registered elsewhere (session, upload), listed for the OpenAPI document only. */
export const OTHER_ROUTES: ApiRoute[] = [
  {
    method: 'post',
    path: '/api/session',
    summary: 'sign in with the credential file `campaign start` issued',
    body: SignInBodySchema,
    response: SessionViewSchema,
  },
  { method: 'get', path: '/api/session', summary: 'the signed-in session', response: SessionViewSchema },
  { method: 'delete', path: '/api/session', summary: 'sign out', response: z.null() },
  {
    method: 'post',
    path: '/api/campaigns/:campaignId/units/:unitId/submissions',
    summary: 'submit a report for a deliverable, with files (type and size checked before anything is stored)',
    params: U,
    multipart: SubmitFieldsSchema,
    response: SubmissionReceiptSchema,
  },
];
