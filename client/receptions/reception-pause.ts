import type { Command } from 'commander';
import { z } from 'zod';
import { pauseReceptionsUpdate, receptionWorkflowId, resumeReceptionsUpdate } from '../../contracts/receptions';
import { idArg, parseArg } from '../args';
import { example } from '../output/help';
import { act } from '../run-cli';

/**
 * `campaign receptions pause|resume CAMPAIGN --programme ID`: the office pauses a programme
 * (暂停接访) and resumes it. While paused nobody is told, and a reception day the pause touches is
 * suspended, not missed.
 */
export function registerReceptionPause(receptions: Command): void {
  for (const verb of ['pause', 'resume'] as const) {
    receptions
      .command(verb)
      .description(
        verb === 'pause'
          ? 'pause a reception programme (暂停接访): no notices, its days are suspended, not missed'
          : 'resume a paused reception programme (恢复接访)',
      )
      .argument('<campaign>', 'campaign id')
      .requiredOption('--programme <id>', 'the reception programme')
      .option('--reason <text>', 'why (default: 办公室暂停)')
      .addHelpText(
        'after',
        example(`campaign receptions ${verb} edu-reception-2026 --programme bureau-reception --reason 防汛期间`),
      )
      .action(
        act(async (ctx, [campaignId = ''], raw) => {
          const id = idArg(campaignId, 'campaign');
          const programmeId = idArg(raw['programme'], '--programme');
          const reason =
            raw['reason'] === undefined
              ? undefined
              : parseArg(z.string().trim().min(1).max(500), raw['reason'], '--reason');
          ctx.campaignId = id;
          const handle = (await ctx.client()).workflow.getHandle(receptionWorkflowId(id, programmeId));
          const update = verb === 'pause' ? pauseReceptionsUpdate : resumeReceptionsUpdate;
          const pause = await handle.executeUpdate(update, {
            args: [{ by: ctx.actor(), ...(reason ? { reason } : {}) }],
          });
          ctx.print(pause, () =>
            pause.untilMs === undefined
              ? `${programmeId} 已暂停（${pause.reason}）；恢复：campaign receptions resume ${id} --programme ${programmeId}`
              : `${programmeId} 已恢复接访（此前暂停：${pause.reason}）`,
          );
        }),
      );
  }
}
