import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, inject, it } from 'vitest';
import {
  asOfNow,
  auditLogQuery,
  campaignStatusQuery,
  campaignWorkflowId,
  unitStatusQuery,
  unitWorkflowId,
} from '../../contracts';
import { temporalAddress } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { startOneUnitCampaign } from '../support/one-unit-campaign';

const run = promisify(execFile);
const UNIT = 'unit-00001';

/** The stock `temporal` CLI, as anyone with namespace access (and no codec key) would drive it. */
async function stockSignal(workflowId: string, name: string, inputs: string[], extra: string[] = []): Promise<void> {
  const args = ['workflow', 'signal', '--address', temporalAddress(), '-w', workflowId, '--name', name];
  for (const input of inputs) args.push('--input', input);
  await run(inject('temporalCliPath'), [...args, ...extra]);
}

/**
 * What a forgery would change in the campaign's counts and the unit's obligations. Mail is checked
 * apart: the rehearsal's clock runs a day a minute, so a reminder may fall due while the test runs
 * on a busy machine, and only a cancellation would be the forgery's.
 */
async function picture(campaign: WorkflowHandle, unit: WorkflowHandle) {
  const status = await campaign.query(campaignStatusQuery, asOfNow());
  const unitStatus = await unit.query(unitStatusQuery, asOfNow());
  return {
    totals: status.totals,
    marks: status.accountabilityMarks,
    status: status.status,
    unitRows: unitStatus.rows.map((r) => [r.key, r.state]),
    unitEnded: unitStatus.ended,
    unitRunning: (await unit.describe()).status.name,
  };
}

const kindOf = (eml: string) => /^X-Campaign-Notification: (.+)$/m.exec(eml)?.[1]?.trim() ?? 'unknown';

/** The last signal of `name` in a workflow's history, exactly as the server keeps it (encrypted). */
async function capturedSignal(handle: WorkflowHandle, name: string) {
  const events = (await handle.fetchHistory()).events ?? [];
  const signal = events
    .map((e) => e.workflowExecutionSignaledEventAttributes)
    .filter((a) => a?.signalName === name)
    .at(-1);
  const payloads = signal?.input?.payloads ?? [];
  expect(payloads.length).toBe(2);
  const meta = Object.entries(payloads[0]!.metadata ?? {}).map(([k, v]) => `${k}=${Buffer.from(v).toString('utf8')}`);
  return { data: payloads.map((p) => Buffer.from(p.data!).toString('base64')), meta };
}

describe('internal messages only the campaign’s own workflows can send', () => {
  it('drops and audits forged, re-sent and out-of-order signals from the stock CLI', async () => {
    await withCampaignWorker(async (harness) => {
      const { client, taskQueue } = harness;
      const outboxText = () => harness.outboxText();
      const { id, campaign, unit } = await startOneUnitCampaign(client, taskQueue, 'forged');
      await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.totals.owed > 0,
        { what: 'the campaign to count the unit' },
      );
      const before = await picture(campaign, unit);
      const captured = await capturedSignal(campaign, 'unitProgress');
      expect(captured.meta).toContain('encoding=binary/encrypted');
      const progress = (extra: object) =>
        JSON.stringify({
          unitId: UNIT,
          version: 9_999_999_999_999,
          phases: {},
          overdue: [],
          marks: 0,
          escalations: [],
          ...extra,
        });
      const fakeSeal = JSON.stringify({ from: UNIT, seq: 9_999_999_999_999, to: ['campaign'], mac: '0'.repeat(64) });

      // The three forgeries of the report, word for word in kind.
      await stockSignal(campaignWorkflowId(id), 'unitProgress', [progress({})]);
      await stockSignal(campaignWorkflowId(id), 'accessAudit', [
        JSON.stringify([
          {
            atMs: 0,
            workflow: 'campaign',
            action: 'cancelCampaign',
            principal: 'leader:leader-zhang',
            code: 'forbidden',
            reason: 'tried to cancel the campaign',
          },
        ]),
      ]);
      await stockSignal(unitWorkflowId(id, UNIT), 'campaignEvent', [
        JSON.stringify({ type: 'campaign-ended', seq: 100000, cancelled: { reason: '伪造的撤销', by: 'office' } }),
      ]);
      // And more: a made-up seal, and a real sealed report captured from history and sent again.
      await stockSignal(campaignWorkflowId(id), 'unitProgress', [progress({}), fakeSeal]);
      await stockSignal(campaignWorkflowId(id), 'unitProgress', captured.data, [
        '--input-base64',
        ...captured.meta.flatMap((m) => ['--input-meta', m]),
      ]);

      const audit = await eventually(
        () => campaign.query(auditLogQuery),
        (log) => log.entries.filter((e) => e.action.startsWith('signal:')).length >= 5,
        { what: 'every forgery in the audit log' },
      );
      const recorded = audit.entries
        .filter((e) => e.action.startsWith('signal:'))
        .map((e) => [e.workflow, e.action, e.code])
        .sort();
      // The unit's refusal reaches the campaign by its own (sealed) report, in its own time.
      expect(recorded).toEqual(
        [
          ['campaign', 'signal:unitProgress', 'unsealed_message'],
          ['campaign', 'signal:accessAudit', 'unsealed_message'],
          [UNIT, 'signal:campaignEvent', 'unsealed_message'],
          ['campaign', 'signal:unitProgress', 'forged_message'],
          ['campaign', 'signal:unitProgress', 'replayed_message'],
        ].sort(),
      );
      // The forged entry itself never reached the log.
      expect(audit.entries.some((e) => e.principal === 'leader:leader-zhang')).toBe(false);
      expect(await picture(campaign, unit)).toEqual(before);
      // The forged campaign-ended told nobody of a cancellation, least of all with the forger's reason.
      expect(outboxText().map(kindOf)).not.toContain('campaign_cancelled');
      expect(before.unitRunning).toBe('RUNNING');
      await campaign.terminate('test over');
      await unit.terminate('test over');
    });
  });

  it('drops and audits forged notices for the digest mail', async () => {
    await withCampaignWorker(async (harness) => {
      const { client, taskQueue } = harness;
      const { id, campaign, unit } = await startOneUnitCampaign(client, taskQueue, 'forged-notices');
      // The phase's opening mails (to the unit's contact and head) are out before the picture is taken.
      const before = await eventually(
        () => Promise.resolve(harness.outboxFiles()),
        (files) => files.length === 2,
        { what: 'the opening mails' },
      );
      const notice = JSON.stringify([
        {
          id: 'forged-1',
          atMs: 0,
          to: [{ name: '办公室', email: 'forgery-target@example.org' }],
          allUnits: true,
          item: {
            kind: 'public_notice',
            unitId: UNIT,
            unitName: '伪造单位',
            phaseId: 'phase-1',
            phaseName: '伪造',
            deliverableId: 'p1-summary',
            deliverableTitle: '伪造的通报',
            dueAt: '2026-01-01T00:00:00.000Z',
            lateByMs: 1,
            accountability: true,
          },
        },
      ]);
      const fakeSeal = JSON.stringify({ from: UNIT, seq: 1, to: ['campaign'], mac: '0'.repeat(64) });
      await stockSignal(campaignWorkflowId(id), 'unitNotices', [notice]);
      await stockSignal(campaignWorkflowId(id), 'unitNotices', [notice, fakeSeal]);
      const audit = await eventually(
        () => campaign.query(auditLogQuery),
        (log) => log.entries.filter((e) => e.action === 'signal:unitNotices').length >= 2,
        { what: 'both forgeries in the audit log' },
      );
      expect(audit.entries.filter((e) => e.action === 'signal:unitNotices').map((e) => e.code)).toEqual([
        'unsealed_message',
        'forged_message',
      ]);
      // Reminders may fall due meanwhile (a day a minute); none goes where the forger asked.
      expect(harness.outboxFiles().length).toBeGreaterThanOrEqual(before.length);
      expect(harness.outboxText().filter((eml) => eml.includes('forgery-target@example.org'))).toEqual([]);
      await campaign.terminate('test over');
      await unit.terminate('test over');
    });
  });
});
