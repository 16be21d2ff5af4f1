import type {
  ReceptionRange,
  ReceptionRow,
  ReceptionsView,
  RecordReceptionBody,
  SubstituteBody,
} from '../../contracts/reception-api';
import {
  receptionProgrammeQuery,
  receptionWorkflowId,
  recordReceptionUpdate,
  substituteReceptionUpdate,
  type ReceptionProgrammeView,
} from '../../contracts/receptions';
import { asOfNow } from '../../contracts';
import { rotaRows, ROTA_HEADERS, substitutionsOf } from '../../domain/receptions/rota-view';
import { runningProgrammeIds } from '../../temporal-client/reception-programmes';
import { isWorkflowNotFound } from '../../temporal-client/error-kinds';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import { guard } from './guard';
import { ServiceError } from './http-errors';

/**
 * Reception days (领导接访日) for the service's routes and the console alike, shells like the
 * CLI's `campaign receptions`: the holder is checked here (leaders and the office), the programme's
 * workflow checks the credential, who is on duty and the day. The rota is the running programmes'
 * own, as posted (公示); visitors' names and matters stay in the register, the rota counts them.
 */

/** One programme's receptions as the posted rota's rows, with status and counts. */
function rowsOf(view: ReceptionProgrammeView): ReceptionRow[] {
  const posted = new Map(rotaRows(view.receptions, substitutionsOf(view.receptions)).map((row) => [row.id, row.cells]));
  return view.receptions.map((r) => ({
    id: r.id,
    date: r.date,
    status: r.status,
    cells: posted.get(r.id) ?? [],
    ...(r.onDuty?.leaderId ? { onDuty: `leader:${r.onDuty.leaderId}` } : {}),
    substituted: r.substitution !== undefined,
    visitors: r.visitors.length,
    noVisitors: r.noVisitors,
  }));
}

export async function receptionsFor(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
  range: ReceptionRange,
): Promise<ReceptionsView> {
  await guard(ctx, session, campaignId, { kind: 'campaign' }, 'receptions-view');
  const programmes: ReceptionsView['programmes'] = [];
  for (const programmeId of await runningProgrammeIds(ctx.reader, campaignId)) {
    const view = await ctx.reader.workflow
      .getHandle(receptionWorkflowId(campaignId, programmeId))
      .query(receptionProgrammeQuery, { ...range, asOf: asOfNow() });
    programmes.push({
      programmeId,
      programmeName: view.programmeName,
      today: view.today,
      paused: view.pausedSince !== undefined,
      receptions: rowsOf(view),
      leaders: view.leaders,
    });
  }
  return { headers: [...ROTA_HEADERS], programmes };
}

/** Runs one of the holder's updates on a programme; a programme that does not run is a 404. */
async function onProgramme<T>(
  ctx: ServiceContext,
  session: ServiceSession,
  where: { campaignId: string; programmeId: string },
  action: string,
  run: (handle: ReturnType<ServiceContext['reader']['workflow']['getHandle']>) => Promise<T>,
): Promise<T> {
  const access = await guard(ctx, session, where.campaignId, { kind: 'campaign' }, action);
  const handle = access.client.workflow.getHandle(receptionWorkflowId(where.campaignId, where.programmeId));
  return run(handle).catch((error: unknown) => {
    if (!isWorkflowNotFound(error)) throw error;
    throw new ServiceError(
      404,
      'not_found',
      `campaign ${where.campaignId} runs no reception programme "${where.programmeId}"`,
    );
  });
}

export async function recordReceptionFor(
  ctx: ServiceContext,
  session: ServiceSession,
  where: { campaignId: string; programmeId: string },
  body: RecordReceptionBody,
) {
  return onProgramme(ctx, session, where, 'reception-record', (handle) =>
    handle.executeUpdate(recordReceptionUpdate, { args: [{ ...body, by: session.principal }] }),
  );
}

export async function substituteFor(
  ctx: ServiceContext,
  session: ServiceSession,
  where: { campaignId: string; programmeId: string },
  body: SubstituteBody,
) {
  return onProgramme(ctx, session, where, 'reception-substitute', (handle) =>
    handle.executeUpdate(substituteReceptionUpdate, { args: [{ ...body, by: session.principal }] }),
  );
}
