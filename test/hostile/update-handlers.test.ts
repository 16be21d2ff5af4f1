import { ApplicationFailure, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import {
  CancelInputSchema,
  campaignEventSignal,
  campaignStatusQuery,
  casesQuery,
  fileCasesUpdate,
  rosterQuery,
  submitReportUpdate,
  timelineQuery,
  unitProgressSignal,
  unitStatusQuery,
  unitTimelineQuery,
  type AsOf,
  unitWorkflowId,
  MAX_MESSAGE_CHARS,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { smallPlan } from '../support/plans';
import { garbage, garbageSignals, payloadsFor, validPayloads } from './support/hostile-payloads';
import fc from 'fast-check';
import { temporal } from '@temporalio/proto';
import { expectRejection } from '../../client/update-rejection';

const PER_UPDATE = 30;
const SIGNALS = 20;
const SEED = 20_260_412;
type Outcome = 'accepted' | 'rejected';
/** A query's view of "now" follows the workflow's last activation, which every message moves on. */
const TIME_FIELDS = new Set(['nowMs', 'inMs']);
const withoutTime = (key: string, value: unknown) => (TIME_FIELDS.has(key) ? undefined : value);

/** Accepted, or refused with an ApplicationFailure that says why; anything else is a finding. */
async function send(handle: WorkflowHandle, update: string, args: unknown[]): Promise<Outcome> {
  try {
    // Deliberately untyped: zero, one or two arguments of any shape.
    await handle.executeUpdate(update, { args: args as [unknown, ...unknown[]] });
    return 'accepted';
  } catch (error) {
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.message.length > 0) return 'rejected';
    throw new Error(`${update}(${JSON.stringify(args)?.slice(0, 300)}) failed oddly`, { cause: error });
  }
}

describe('update and signal handlers under hostile payloads', () => {
  it('accepts or refuses each with a reason, never fails or wedges, and a refusal changes nothing', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('hostile');
      // Scale 1: plan time passes as slowly as real time, so nothing is due while payloads fly.
      const base = smallPlan(id);
      // The first phase lets units file cases, so the ledger's updates are open to payloads too.
      const plan = { ...base, phases: base.phases.map((p, i) => (i === 0 ? { ...p, casesFiling: true } : p)) };
      const campaign = await startCampaign(client, plan, {
        taskQueue,
        startedBy: 'office',
        rehearsalScale: 1,
      });
      const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      const unitB = client.workflow.getHandle(unitWorkflowId(id, 'town-b'));
      const asOf: AsOf = { realNowMs: Date.now() };
      const snapshot = async () =>
        JSON.stringify(
          [
            await campaign.query(campaignStatusQuery, asOf),
            await campaign.query(timelineQuery),
            await campaign.query(rosterQuery),
            await unitA.query(unitStatusQuery, asOf),
            await unitA.query(unitTimelineQuery),
            await unitA.query(casesQuery),
          ],
          withoutTime,
        );
      /** After an acceptance its ripples (broadcasts, progress signals) settle before the next comparison. */
      const settled = async () => {
        let last = await snapshot();
        return eventually(
          async () => {
            await new Promise((resolve) => setTimeout(resolve, 300));
            const [previous, now] = [last, await snapshot()];
            last = now;
            return previous === now ? now : undefined;
          },
          (value) => value !== undefined,
          { what: 'the workflows to settle', intervalMs: 0, timeoutMs: 20_000 },
        ) as Promise<string>;
      };
      await eventually(
        () => unitA.query(unitStatusQuery, asOf).catch(() => undefined),
        (s) => s?.rows.length === 1,
        { what: 'town-a to owe its member list' },
      );

      const targets: [WorkflowHandle, string, unknown[]][] = [
        ...payloadsFor(validPayloads.submitReport, PER_UPDATE, SEED).map((p) => [unitA, 'submitReport', [p]] as const),
        ...payloadsFor(validPayloads.extendDeadline, PER_UPDATE, SEED + 1).map(
          (p) => [unitA, 'extendDeadline', [p]] as const,
        ),
        ...payloadsFor(validPayloads.approvePhase, PER_UPDATE, SEED + 2).map(
          (p) => [campaign, 'approvePhase', [p]] as const,
        ),
        ...payloadsFor(validPayloads.returnPhase, PER_UPDATE, SEED + 3).map(
          (p) => [campaign, 'returnPhase', [p]] as const,
        ),
        ...payloadsFor(validPayloads.addUnit, PER_UPDATE, SEED + 4).map((p) => [campaign, 'addUnit', [p]] as const),
        // A cancellation that passes the schema would end the campaign under test; only malformed ones.
        ...payloadsFor(validPayloads.cancelCampaign, PER_UPDATE * 3, SEED + 5)
          .filter((p) => !CancelInputSchema.safeParse(p).success)
          .slice(0, PER_UPDATE)
          .map((p) => [campaign, 'cancelCampaign', [p]] as const),
        ...payloadsFor(validPayloads.fileCases, PER_UPDATE, SEED + 8).map((p) => [unitA, 'fileCases', [p]] as const),
        ...payloadsFor(validPayloads.caseEvent, PER_UPDATE, SEED + 9).map((p) => [unitA, 'caseEvent', [p]] as const),
        ...payloadsFor(validPayloads.receiveCase, PER_UPDATE, SEED + 10).map(
          (p) => [unitA, 'receiveCase', [p]] as const,
        ),
        // No argument at all, and one too many.
        ...(['submitReport', 'extendDeadline', 'fileCases', 'caseEvent'] as const).flatMap((u) => [
          [unitA, u, []] as const,
          [unitA, u, [validPayloads[u], 'extra']] as const,
        ]),
        ...(['approvePhase', 'returnPhase', 'addUnit', 'cancelCampaign'] as const).map(
          (u) => [campaign, u, []] as const,
        ),
      ].map(([handle, update, args]) => [handle, update, [...args]]);

      // The case the caseEvent payloads refer to.
      const seed = { ...validPayloads.fileCases.filings[0], id: 'seed-1' };
      await unitA.executeUpdate(fileCasesUpdate, { args: [{ filings: [seed], by: 'unit:town-a' }] });

      const tally = { accepted: 0, rejected: 0, signals: 0 };
      let before = await settled();
      for (const [handle, update, args] of targets) {
        const outcome = await send(handle, update, args);
        tally[outcome] += 1;
        if (outcome === 'rejected') expect(await snapshot(), `${update}(${JSON.stringify(args)})`).toBe(before);
        else before = await settled();
      }
      for (const signal of garbageSignals(SIGNALS, SEED + 6)) await unitA.signal(campaignEventSignal, signal as never);
      for (const signal of fc.sample(garbage, { numRuns: SIGNALS, seed: SEED + 7 })) {
        await campaign.signal(unitProgressSignal, signal as never);
      }
      tally.signals = 2 * SIGNALS;
      // Signals are not acknowledged: a query after them runs behind them in the workflow's order.
      expect(await settled()).toBe(before);
      console.log(`hostile payloads: ${JSON.stringify({ ...tally, updates: targets.length })}`);
      expect(tally.rejected).toBeGreaterThan(targets.length / 2);

      for (const handle of [campaign, unitA, unitB]) expect((await handle.describe()).status.name).toBe('RUNNING');
      const receipt = await unitB.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'members', report: { members: [{ name: '王五' }] }, by: 'unit:town-b' }],
      });
      expect(receipt.onTime).toBe(true);
    });
  });

  it('refuses an oversized payload before it reaches history, and one beyond the server limit too', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('oversized');
      const base = smallPlan(id);
      const plan = { ...base, phases: base.phases.map((p, i) => (i === 0 ? { ...p, casesFiling: true } : p)) };
      await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: 1 });
      const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      await eventually(
        () => unitA.query(unitStatusQuery, { realNowMs: Date.now() }).catch(() => undefined),
        (s) => s?.rows.length === 1,
        { what: 'town-a to owe its member list' },
      );
      const filingOf = (description: string) => ({
        filings: [{ ...validPayloads.fileCases.filings[0], description }],
        by: 'unit:town-a',
      });

      const large = await expectRejection(
        unitA.executeUpdate(fileCasesUpdate, { args: [filingOf('长'.repeat(MAX_MESSAGE_CHARS))] }),
      );
      expect(large.type).toBe('payload_too_large');
      // Beyond the server's own 2 MB limit the server refuses it; either way nothing is written.
      await expect(unitA.executeUpdate(fileCasesUpdate, { args: [filingOf('x'.repeat(3_000_000))] })).rejects.toThrow();

      expect(await unitA.query(casesQuery)).toEqual([]);
      const history = await unitA.fetchHistory();
      // Neither payload was written: no accepted update in history, and history stays small.
      expect(history.events?.some((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toBe(false);
      const bytes = temporal.api.history.v1.History.encode(history).finish().length;
      expect(bytes).toBeLessThan(200_000);
      expect((await unitA.describe()).status.name).toBe('RUNNING');
      const receipt = await unitA.executeUpdate(fileCasesUpdate, { args: [filingOf('正常的描述')] });
      expect(receipt.filed).toHaveLength(1);
    });
  });
});
