import { describe, expect, it } from 'vitest';
import { benchPlan } from '../../bench/bench-plan';
import { startCampaign } from '../../client/start-campaign';
import { asOfNow, unitStatusQuery, unitWorkflowId } from '../../contracts';
import { campaign as cli, cliEnv } from '../cli/support/cli';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker, type CampaignActivities } from '../support/campaign-harness';
import { eventually } from '../support/eventually';

const UNIT = 'unit-00001';

describe('a submission while a just-started campaign is still reaching its units', () => {
  it('answers "still starting" rather than "owes no deliverable", and takes the report once the phase arrives', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first phase's event is held on its way to the units: the moment right after a start, made to last.
    const hold = (real: CampaignActivities): CampaignActivities => ({
      ...real,
      broadcastToUnits: async (input) => {
        if (input.event.type === 'phase-opened') await held;
        return real.broadcastToUnits(input);
      },
    });
    await withCampaignWorker(
      async ({ client, taskQueue }) => {
        const id = uniqueId('starting');
        const env = { ...cliEnv(), taskQueue };
        await startCampaign(client, benchPlan(id, 1), {
          taskQueue,
          startedBy: 'office',
          rehearsalScale: 86_400_000 / 60_000,
        });
        const unit = client.workflow.getHandle(unitWorkflowId(id, UNIT));
        await eventually(
          // Not there at first: the campaign starts its units' workflows a moment after its own.
          () => unit.query(unitStatusQuery, asOfNow()).catch(() => undefined),
          (s) => s?.rows.length === 0,
          { what: 'the unit started, owing nothing yet' },
        );
        const submit = ['submit', id, '--unit', UNIT, '--deliverable', 'p1-summary', '--text', '本周化解3件'];
        const early = await cli(env, submit);
        expect(early.code).toBe(1);
        expect(early.stderr).toContain('活动正在启动');
        expect(early.stderr).toContain('the campaign is still starting; try again in a moment');
        expect(early.stderr).not.toContain('owes no deliverable');
        const wrongUnit = await cli(env, [
          'submit',
          id,
          '--unit',
          'no-such-unit',
          '--deliverable',
          'p1-summary',
          '--text',
          'x',
        ]);
        expect(wrongUnit.stderr).toContain('no unit "no-such-unit"');

        release();
        await eventually(
          () => unit.query(unitStatusQuery, asOfNow()),
          (s) => s.rows.length > 0,
          { what: 'the phase to reach the unit' },
        );
        const wrongDeliverable = await cli(env, [...submit.slice(0, 5), 'no-such-report', '--text', 'x']);
        expect(wrongDeliverable.stderr).toContain('owes no deliverable');
        const onTime = await cli(env, submit);
        expect(onTime.stderr).toBe('');
        expect(onTime.code).toBe(0);
      },
      undefined,
      hold,
    );
  });
});
