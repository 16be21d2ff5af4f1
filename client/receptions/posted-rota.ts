import { asOfNow } from '../../contracts';
import { receptionProgrammeQuery, receptionWorkflowId } from '../../contracts/receptions';
import { substitutionsOf, type RotaSubstitution } from '../../domain/receptions/rota-view';
import type { RotaEntry } from '../../domain/receptions/rota';
import type { CliContext } from '../context';
import { explainMissing } from './reception-updates';

function rotaEntryOf(r: RotaEntry): RotaEntry {
  const { id, programmeId, programmeName, type, seq, place, start, end, rostered, scheduled, date, clampedFrom } = r;
  return {
    id,
    programmeId,
    programmeName,
    type,
    seq,
    place,
    start,
    end,
    rostered,
    scheduled,
    date,
    ...(clampedFrom === undefined ? {} : { clampedFrom }),
  };
}

/**
 * The rota as the running campaign holds it: its own entries (so a plan file edited since the start
 * cannot shift a row) and the substitutes leaders named on the server (补位), for the 公示 page.
 */
export async function runningRota(
  ctx: CliContext,
  campaignId: string,
  programmeIds: readonly string[],
  range: { from?: string; to?: string },
): Promise<{ entries: RotaEntry[]; substitutions: RotaSubstitution[] }> {
  ctx.campaignId = campaignId;
  const client = await ctx.client();
  const entries: RotaEntry[] = [];
  const substitutions: RotaSubstitution[] = [];
  for (const programmeId of programmeIds) {
    const view = await client.workflow
      .getHandle(receptionWorkflowId(campaignId, programmeId))
      .query(receptionProgrammeQuery, { ...range, asOf: asOfNow() })
      .catch((error: unknown) => explainMissing(error, campaignId, programmeId));
    // The rota only: who was received that day (names, matters) stays out of a posted table.
    entries.push(...view.receptions.map(rotaEntryOf));
    substitutions.push(...substitutionsOf(view.receptions));
  }
  return { entries, substitutions };
}
