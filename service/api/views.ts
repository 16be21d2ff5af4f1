import { todoRows, unitView } from '../../client/commands/units';
import { ledgerContext, unitCases } from '../../client/commands/ledger-access';
import { compileReportNow } from '../../client/report-snapshot';
import { readPublishedStatus } from '../../client/status/read-published-status';
import {
  asOfNow,
  auditLogQuery,
  campaignStatusQuery,
  escalationLogQuery,
  overdueQuery,
  timelineQuery,
  unitTimelineQuery,
  type CasesFilter,
} from '../../contracts';
import { redactCase } from '../../domain/access/read-permissions';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import { guard } from './guard';

/**
 * The views the JSON API answers with, as functions the console's pages may call on the server
 * too: each checks the session's holder first (guard), then asks what the CLI's command asks.
 */

const campaignWide = { kind: 'campaign' } as const;
const ofUnit = (unitId: string) => ({ kind: 'unit', unitId }) as const;

/** What the campaign last published on itself: answered by the server, with no worker running. */
export async function glanceFor(ctx: ServiceContext, session: ServiceSession, campaignId: string) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'glance');
  return readPublishedStatus(access.client, campaignId);
}

export async function statusFor(ctx: ServiceContext, session: ServiceSession, campaignId: string) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'status');
  return (await access.campaign(campaignId)).query(campaignStatusQuery, asOfNow());
}

export async function overdueFor(ctx: ServiceContext, session: ServiceSession, campaignId: string) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'overdue');
  return (await access.campaign(campaignId)).query(overdueQuery, asOfNow());
}

export async function escalationsFor(ctx: ServiceContext, session: ServiceSession, campaignId: string) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'escalations');
  return (await access.campaign(campaignId)).query(escalationLogQuery);
}

export async function timelineFor(ctx: ServiceContext, session: ServiceSession, campaignId: string) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'timeline');
  return (await access.campaign(campaignId)).query(timelineQuery);
}

export async function unitTimelineFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  unitId: string,
) {
  const access = await guard(ctx, session, campaignId, ofUnit(unitId), 'unit-timeline');
  await unitView(access, campaignId, unitId); // names a wrong unit clearly
  return (await access.unit(campaignId, unitId)).query(unitTimelineQuery);
}

/** A unit's deliverables with their state; `todo` keeps only what is still owed, soonest first. */
export async function unitStatusFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  unitId: string,
  options: { todo: boolean; all?: boolean },
) {
  const access = await guard(ctx, session, campaignId, ofUnit(unitId), options.todo ? 'todo' : 'unit-status');
  const view = await unitView(access, campaignId, unitId);
  return options.todo ? { ...view, rows: todoRows(view, options.all === true) } : view;
}

/** A unit's cases, the petitioner's name masked and contact left out for a reader it does not belong to. */
export async function casesFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  unitId: string,
  filter: CasesFilter,
) {
  const access = await guard(ctx, session, campaignId, ofUnit(unitId), 'cases');
  const cases = await unitCases(access, campaignId, unitId, filter);
  const { leaders } = await ledgerContext(access, campaignId);
  return cases.map((c) => redactCase(session.principal, c, leaders));
}

export async function auditFor(ctx: ServiceContext, session: ServiceSession, campaignId: string) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'audit');
  const log = await (await access.campaign(campaignId)).query(auditLogQuery);
  const service = await ctx.stores.audit.read(campaignId, { last: 500 });
  return { campaign: { entries: log.entries, total: log.total, dropped: log.dropped ?? 0 }, service };
}

/** Who was told what and when: the log the workers keep in the shared store. */
export async function notificationsFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  last?: number,
) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'notifications');
  await (await access.campaign(campaignId)).describe(); // an unknown campaign is a 404, not an empty log
  const all = await ctx.stores.notifications.read(campaignId);
  return { campaignId, entries: last === undefined ? all : all.slice(-last) };
}

const REPORT_FORMATS = {
  md: { key: 'markdown', mediaType: 'text/markdown; charset=utf-8' },
  html: { key: 'html', mediaType: 'text/html; charset=utf-8' },
  csv: { key: 'csv', mediaType: 'text/csv; charset=utf-8' },
} as const;

/** The campaign report compiled now, as `campaign report` writes it. */
export async function reportFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  format: keyof typeof REPORT_FORMATS,
) {
  const access = await guard(ctx, session, campaignId, campaignWide, 'report');
  await (await access.campaign(campaignId)).describe();
  const report = await compileReportNow(access.client, campaignId);
  const { key, mediaType } = REPORT_FORMATS[format];
  return { fileName: `${campaignId}-report.${format}`, mediaType, text: report[key] };
}
