import { ledgerStatsQuery } from '../../contracts';
import type { CampaignStatus } from '../../domain/campaign/campaign-status';
import { deliverableGrid, type GridUnit } from '../../domain/console/grid-colour';
import type { TimelinePhase } from '../../domain/console/timeline-geometry';
import { guard } from '../api/guard';
import { glanceFor, statusFor, unitStatusFor } from '../api/views';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from '../session/session-store';
import type { LeaderPageModel, UnitCases } from './view-models';

/** How long the page waits for the workers before it shows the published figures alone. */
export const WORKER_WAIT_MS = 4000;
/** Units whose rows the grid reads one by one; a larger campaign's grid is for the report. */
export const GRID_UNITS = 300;
const PARALLEL = 8;

class TooSlow extends Error {}

async function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TooSlow()), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `fn` over `items`, a few at a time: a thousand units are a thousand queries. */
async function mapLimited<A, B>(items: readonly A[], fn: (item: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array<B>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(PARALLEL, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as A);
    }
  });
  await Promise.all(lanes);
  return out;
}

export function timelinePhases(status: CampaignStatus): TimelinePhase[] {
  return status.phases.map((p) => ({
    id: p.id,
    name: p.name,
    status: p.status,
    awaitingApproval: p.status === 'open' && p.gate === 'approval',
    ...(p.window ? { startMs: p.window.startMs, endMs: p.window.endMs } : {}),
  }));
}

async function unitDetail(ctx: ServiceContext, session: ServiceSession, campaignId: string, status: CampaignStatus) {
  const units = status.units.slice(0, GRID_UNITS);
  const access = await guard(ctx, session, campaignId, { kind: 'campaign' }, 'grid');
  const rows = await mapLimited(units, async (u): Promise<GridUnit> => {
    const view = await unitStatusFor(ctx, session, campaignId, u.unitId, { todo: false });
    return { unitId: u.unitId, unitName: u.unitName, rows: view.rows };
  });
  const cases = await mapLimited(units, async (u): Promise<UnitCases> => {
    const stats = await (await access.unit(campaignId, u.unitId)).query(ledgerStatsQuery);
    const c = stats.overall;
    return {
      unitId: u.unitId,
      unitName: u.unitName,
      filed: c.filed,
      open: c.open,
      closed: c.closed,
      closureRate: c.closureRate,
    };
  });
  return { grid: deliverableGrid(rows, status.nowMs), cases };
}

/**
 * The leaders' page: the glance first (published by the campaign, answered with no worker), then
 * what only the workers know (every phase, every unit's reports and cases), each given a few
 * seconds: a slow or absent worker leaves the published figures on the page, never an error.
 */
export async function leaderModel(
  ctx: ServiceContext,
  session: ServiceSession,
  campaignId: string,
): Promise<LeaderPageModel> {
  // Settled at once, so a refusal of the status below leaves no rejection unattended.
  const glancing = glanceFor(ctx, session, campaignId).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  const status = await within(statusFor(ctx, session, campaignId), WORKER_WAIT_MS).catch((error: unknown) => {
    if (error instanceof TooSlow) return undefined;
    throw error;
  });
  const glanced = await glancing;
  // Not published yet: the live status still fills the page.
  if (!glanced.ok && status === undefined) throw glanced.error;
  const glance = glanced.ok ? glanced.value : undefined;
  const model: LeaderPageModel = {
    campaignId,
    ...(glance ? { glance } : { glanceProblem: 'the campaign has not published its figures yet' }),
    decidable: [],
    units: [],
  };
  if (status === undefined) return model;
  model.phases = timelinePhases(status);
  model.overdue = status.overdue;
  model.units = status.units.map((u) => ({ id: u.unitId, name: u.unitName }));
  model.decidable = status.phases
    .filter((p) => p.status === 'open' && p.gate === 'approval')
    .map((p) => ({ id: p.id, name: p.name }));
  const detail = await within(unitDetail(ctx, session, campaignId, status), WORKER_WAIT_MS).catch(() => undefined);
  if (detail) {
    model.grid = detail.grid;
    model.cases = detail.cases;
  }
  return model;
}
