import { isoInstant } from '../../domain/clock/time-units';
import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import {
  type UnitStatusView,
  asOfNow,
  campaignStatusQuery,
  unitSetupQuery,
  unitStatusQuery,
  unitWorkflowId,
  type AsOf,
  type UnitSetup,
  type UnitWorkflow,
} from '../../contracts';
import { unitStatusView } from '../../domain/unit/unit-status-view';
import type { PublishedCampaignReport, ReportRequest } from '../activity-types';
import type { NotificationRequest } from '../../domain/notifications/notification';
import { mapWithConcurrency } from '../fanout/map-with-concurrency';
import { phaseDecisions, type DecisionNames } from './phase-decisions';
import { gatherAssessmentReport } from './assessment-report';
import { gatherReceptionReports } from './reception-report';
import type { CampaignReportInputData, DutyReport, UnitRow } from './report-input';
import type { CampaignStatus } from '../../domain/campaign/campaign-status';

function rowState(state: UnitStatusView['rows'][number]['state']): UnitRow['state'] {
  if (state === 'on-time' || state === 'late' || state === 'missing') return state;
  return state === 'overdue' ? 'missing' : 'pending';
}

/**
 * A running unit answers its status query from its cached state. A finished one would have to be
 * replayed from its whole history for a query (seconds each, for a thousand units after the
 * campaign ends), so its view is computed from its result instead, as of the campaign's time.
 */
export async function readUnitView(
  client: Client,
  workflowId: string,
  campaign: { nowMs: number; timeZone: string },
): Promise<UnitStatusView> {
  const handle = client.workflow.getHandle<UnitWorkflow>(workflowId);
  const { status } = await handle.describe();
  if (status.name === 'COMPLETED') return unitStatusView(await handle.result(), campaign.nowMs, campaign.timeZone);
  return handle.query(unitStatusQuery, asOfNow());
}

/** Names for the actors, units and deliverables that phase decisions refer to by id. */
function decisionNames(setup: UnitSetup, views: readonly UnitStatusView[]): DecisionNames {
  const leaders = new Map(setup.base.ledgerContext.leaders.map((l) => [`leader:${l.id}`, l.name]));
  const units = new Map(setup.units.map((u) => [u.id, u.name]));
  const deliverables = new Map(
    views.flatMap((v) =>
      v.rows.filter((row) => row.key === row.deliverableId).map((row) => [row.deliverableId, row.title] as const),
    ),
  );
  return {
    actor: (actor) =>
      leaders.get(actor) ??
      (actor === 'office' ? setup.base.context.office.name : (units.get(actor.replace(/^unit:/, '')) ?? actor)),
    unit: (unitId) => units.get(unitId) ?? unitId,
    deliverable: (id) => deliverables.get(id) ?? id,
  };
}

/** The office's and supervision teams' duties for the report: a phase report shows its phase's only. */
function dutyReports(status: CampaignStatus, setup: UnitSetup, request: ReportRequest): DutyReport[] {
  // A campaign started before duties existed answers without them.
  const duties = (status as Partial<Pick<CampaignStatus, 'duties'>>).duties ?? [];
  const unitName = new Map(setup.units.map((u) => [u.id, u.name]));
  return duties
    .filter((d) => request.scope !== 'phase' || d.phaseId === request.phaseId)
    .map((d) => ({
      phaseName: d.phaseName,
      title: d.title,
      kind: d.kind,
      by: d.by,
      dueAt: d.dueMs === undefined ? undefined : isoInstant(d.dueMs),
      state: d.state,
      completedAt: d.completedAtMs === undefined ? undefined : isoInstant(d.completedAtMs),
      findings: d.findings.map((f) => ({
        unitName: unitName.get(f.unitId) ?? f.unitId,
        text: f.text,
        at: isoInstant(f.atMs),
        caseId: f.caseId,
        filingError: f.filingError,
      })),
    }));
}

/**
 * Reads a report snapshot by asking the campaign and each unit workflow. Reading the detail here,
 * outside any workflow, keeps the campaign workflow's own state compact however many units take
 * part. The report activity below and the CLI's `campaign report` both start from it.
 */
/** `onUnit` runs after each unit is read: the activity heartbeats there, so a long gather is not timed out. */
export async function gatherCampaignReportInput(
  client: Client,
  request: ReportRequest,
  onUnit: () => void = () => undefined,
  /** The instant the snapshot is taken at; a test on the time-skipping server passes the server's. */
  asOf: AsOf = asOfNow(),
) {
  const campaign = client.workflow.getHandle(request.campaignWorkflowId);
  const [status, setup] = await Promise.all([
    campaign.query(campaignStatusQuery, asOf),
    campaign.query(unitSetupQuery),
  ]);
  const views: UnitStatusView[] = [];
  await mapWithConcurrency(setup.units, 16, async (unit) => {
    try {
      views.push(await readUnitView(client, unitWorkflowId(status.campaignId, unit.id), status));
      onUnit();
    } catch {
      // A unit whose workflow never started owes nothing yet; it simply has no rows.
    }
  });
  views.sort((a, b) => a.unitId.localeCompare(b.unitId));
  const phaseIds = request.scope === 'phase' && request.phaseId ? [request.phaseId] : status.phases.map((p) => p.id);
  const phaseName = new Map(status.phases.map((p) => [p.id, p.name]));
  const phases = phaseIds.map((phaseId) => ({
    phaseId,
    phaseName: phaseName.get(phaseId) ?? phaseId,
    rows: views.flatMap((view) =>
      view.rows
        .filter((row) => row.phaseId === phaseId)
        .map((row) => ({
          unitId: view.unitId,
          unitName: view.unitName,
          deliverableId: row.key,
          deliverableTitle: row.title,
          state: rowState(row.state),
          dueAt: isoInstant(row.dueMs),
          submittedAt: row.submittedAtMs === undefined ? undefined : isoInstant(row.submittedAtMs),
          lateByMs: row.lateByMs,
          returns: row.returns,
          attachments: row.attachments ?? [],
        })),
    ),
  }));
  const data: CampaignReportInputData = {
    campaignId: status.campaignId,
    campaignTitle: status.title,
    rehearsal: status.rehearsal,
    timeZone: status.timeZone,
    locale: setup.base.context.locale,
    scope: request.scope,
    revision: request.revision ?? 1,
    generatedAt: isoInstant(status.nowMs),
    phases,
    escalations: views.flatMap((view) =>
      view.escalations.map((e) => ({
        at: isoInstant(e.atMs),
        unitName: view.unitName,
        phaseName: phaseName.get(e.phaseId) ?? e.phaseId,
        deliverableTitle: e.title,
        step: e.step,
        stepLabel: e.label,
        publicNotice: e.publicNotice,
        accountability: e.accountability,
      })),
    ),
    decisions: phaseDecisions(status.phases, decisionNames(setup, views)),
    duties: dutyReports(status, setup, request),
    accountabilityMarks: views.flatMap((view) =>
      view.marks.map((m) => ({
        unitId: view.unitId,
        unitName: view.unitName,
        deliverableTitle: m.title,
        step: m.step,
        stepLabel: m.label,
        at: isoInstant(m.atMs),
      })),
    ),
  };
  if (request.scope === 'campaign') {
    data.receptions = await gatherReceptionReports(client, status.campaignId, request.receptionProgrammes, asOf);
    const assessment = await gatherAssessmentReport(client, status.campaignId);
    if (assessment) data.assessment = assessment;
  }
  // Totals as the units last reported them; a campaign that filed no cases has no ledger section.
  const { ledger } = status;
  const categoryName = new Map(setup.base.ledgerContext.categories.map((c) => [c.id, c.name]));
  if (ledger.filed > 0) {
    data.ledger = {
      total: ledger.filed,
      closed: ledger.closed,
      open: ledger.open,
      overdue: ledger.overdue,
      byCategory: Object.entries(ledger.byCategory).map(([id, c]) => ({
        category: categoryName.get(id) ?? id,
        total: c.filed,
        closed: c.closed,
      })),
    };
  }
  return { data, status, context: setup.base.context, phaseName };
}

/**
 * Compiles and stores the report, and returns the mail telling the office where to find it. The
 * workflow sends that mail under the mail policy (retried for days): sending it here, under the
 * report's short policy, lost it when SMTP was down for more than twenty minutes.
 */
export function createPublishCampaignReportActivity(
  client: Client,
  publishReport: (
    data: CampaignReportInputData,
  ) => Promise<{ files: { name: string; ref: string; mediaType: string }[] }>,
) {
  return async function publishCampaignReport(request: ReportRequest): Promise<PublishedCampaignReport> {
    // A thousand units take minutes to read: heartbeat as they come, within the 2-minute heartbeat timeout.
    const heartbeat = () => Context.current().heartbeat();
    const { data, status, context, phaseName } = await gatherCampaignReportInput(client, request, heartbeat);
    const revision = request.revision ?? 1;
    const published = await publishReport(data);
    const office = context.office;
    const notification: NotificationRequest = {
      // A revision's mail is a mail of its own; the first keeps the id it always had.
      id: `${request.campaignWorkflowId}:report:${request.scope}:${request.phaseId ?? 'final'}${revision > 1 ? `:rev:${revision}` : ''}`,
      campaignId: status.campaignId,
      campaignTitle: status.title,
      rehearsal: status.rehearsal,
      locale: context.locale,
      timeZone: status.timeZone,
      at: isoInstant(status.nowMs),
      to: [{ name: office.name, email: office.email, role: 'office' }],
      body: {
        kind: 'report_ready',
        scope: request.scope,
        phaseName: request.phaseId ? phaseName.get(request.phaseId) : undefined,
        ...(revision > 1 ? { revision } : {}),
        files: published.files,
      },
    };
    return { ...published, notification };
  };
}
