import type { WorkflowHandle } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import { expectRejection } from '../../client/update-rejection';
import type { CaseEventInput } from '../../domain/cases/case-events';
import { CLOSURE_PARTS, type ClosurePart } from '../../domain/cases/closure-standard';
import {
  approvePhaseUpdate,
  asOfNow,
  campaignStatusQuery,
  caseEventUpdate,
  casesQuery,
  fileCasesUpdate,
  ledgerStatsQuery,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { smallPlan } from '../support/plans';

// Slow enough that no deadline below passes while the test runs: one plan day takes ten minutes.
const SCALE = 86_400_000 / 600_000;

/** One approval-gated phase, open from the first moment, so the final tick-off can be tried at once. */
const ledgerPlan = (id: string) =>
  smallPlan(id, {
    phases: [
      {
        id: 'accept',
        name: '总结验收',
        window: { start: '2026-04-12', end: '2026-05-30' },
        gate: 'approval',
        casesFiling: true,
      },
    ],
  });

const filing = (id: string, title: string, deadline = '2026-05-20', extra: Record<string, unknown> = {}) => ({
  id,
  title,
  category: 'law-related',
  petitioner: { name: `信访人${id}`, contact: '13800000000' },
  owningLeader: { name: '副组长', leaderId: 'deputy' },
  handler: '王干事',
  stabilityOfficer: '李所长',
  deadline,
  requirements: '依法按政策解决,做好稳控',
  ...extra,
});

const fullReport = () => ({
  issueRaised: '反映征地补偿款未到位',
  investigation: '经查,补偿款已于三月拨付至村集体',
  handlingOpinion: '督促村集体十日内发放到户',
  signatures: { unitLeader: '张镇长', handler: '王干事' },
  unitSealed: true,
  followUp: { opinion: 'agree', petitionerSigned: true } as Record<string, unknown>,
});

type Report = ReturnType<typeof fullReport>;
const withoutPart: Record<ClosurePart, (r: Report) => unknown> = {
  issueRaised: ({ issueRaised: _, ...r }) => r,
  investigation: (r) => ({ ...r, investigation: '  ' }),
  handlingOpinion: ({ handlingOpinion: _, ...r }) => r,
  unitLeaderSignature: (r) => ({ ...r, signatures: { handler: '王干事' } }),
  handlerSignature: (r) => ({ ...r, signatures: { unitLeader: '张镇长' } }),
  unitSeal: (r) => ({ ...r, unitSealed: false }),
  followUpOpinion: (r) => ({ ...r, followUp: { petitionerSigned: true } }),
  petitionerSignature: (r) => ({ ...r, followUp: { opinion: 'agree' } }),
  // A petitioner who writes "disagree" without the visitor recording why.
  visitorReason: (r) => ({ ...r, followUp: { opinion: 'disagree', petitionerSigned: true } }),
};

const act = (unit: WorkflowHandle, event: CaseEventInput) => unit.executeUpdate(caseEventUpdate, { args: [event] });

describe('the case ledger on the dev server', () => {
  it('files, enforces the closure standard, counts, and holds the final approval until every case is reconciled', async () => {
    await withCampaignWorker(async (harness) => {
      const { client, taskQueue } = harness;
      const id = uniqueId('ledger');
      const handle = await startCampaign(client, ledgerPlan(id), {
        taskQueue,
        startedBy: 'office',
        rehearsalScale: SCALE,
      });
      const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      const unitB = client.workflow.getHandle(unitWorkflowId(id, 'town-b'));
      await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'accept',
        { what: 'the acceptance phase' },
      );

      const filings = [
        filing('a-1', '征地补偿款未到位', '2026-05-20', { priority: ['collective'] }),
        filing('a-2', '宅基地纠纷', '2026-05-20', { category: 'hot-issue' }),
        // Its deadline passed before the campaign began, so it is overdue from the start.
        filing('a-3', '拖欠工程款', '2026-04-01', { priority: ['repeated', 'collective'] }),
      ];
      const filed = await unitA.executeUpdate(fileCasesUpdate, { args: [{ filings, by: 'unit:town-a' }] });
      expect(filed).toEqual({ filed: ['a-1', 'a-2', 'a-3'], duplicates: [] });
      const again = await unitA.executeUpdate(fileCasesUpdate, { args: [{ filings, by: 'unit:town-a' }] });
      expect(again.duplicates.map((d) => d.caseId)).toEqual(['a-1', 'a-2', 'a-3']);
      expect(again.filed).toEqual([]);
      await unitB.executeUpdate(fileCasesUpdate, {
        args: [{ filings: [filing('b-1', '低保待遇')], by: 'unit:town-b' }],
      });

      const mixed = await expectRejection(
        unitA.executeUpdate(fileCasesUpdate, {
          args: [
            { filings: [filing('a-4', '新案'), filing('a-5', '坏行', '2026-05-20', { category: 'nope' })], by: 'u' },
          ],
        }),
      );
      expect(mixed.type).toBe('invalid_filings');
      expect(mixed.message).toMatch(/filing 2 .*nope/);
      expect((await unitA.query(casesQuery)).map((c) => c.id)).toEqual(['a-1', 'a-2', 'a-3']);

      for (const [part, strip] of Object.entries(withoutPart) as [ClosurePart, (r: Report) => unknown][]) {
        const refused = await expectRejection(
          act(unitA, { type: 'submitClosure', caseId: 'a-1', by: 'unit:town-a', report: strip(fullReport()) }),
        );
        expect(refused.type, part).toBe('closure_incomplete');
        expect(refused.message, part).toContain(CLOSURE_PARTS[part]);
      }
      const disagree = { ...fullReport(), followUp: { opinion: 'disagree', petitionerSigned: true } };
      const noReason = await expectRejection(
        act(unitA, { type: 'submitClosure', caseId: 'a-1', by: 'unit:town-a', report: disagree }),
      );
      expect(noReason.message).toContain(CLOSURE_PARTS.visitorReason);
      expect((await unitA.query(casesQuery))[0]?.status).toBe('open');

      const submitted = await act(unitA, { type: 'submitClosure', caseId: 'a-1', by: 'u', report: fullReport() });
      expect(submitted.status).toBe('closure-submitted');
      expect(await act(unitA, { type: 'accept', caseId: 'a-1', by: 'office' })).toEqual({
        caseId: 'a-1',
        status: 'closed',
        unitId: 'town-a',
      });
      await act(unitA, { type: 'submitClosure', caseId: 'a-2', by: 'u', report: fullReport() });
      const returned = await act(unitA, { type: 'return', caseId: 'a-2', by: 'office', reasons: ['调查不充分'] });
      expect(returned.status).toBe('open');
      await expect(act(unitA, { type: 'accept', caseId: 'a-2', by: 'office' })).rejects.toThrow();
      await act(unitA, { type: 'nextSteps', caseId: 'a-2', by: 'u', text: '下月再次约谈' });

      // Hand count for town A: 3 filed, a-1 closed, a-2 and a-3 open, a-3 overdue.
      const stats = await unitA.query(ledgerStatsQuery, asOfNow());
      expect(stats.overall).toMatchObject({ filed: 3, open: 2, closed: 1, overdue: 1, awaitingAcceptance: 0 });
      expect(stats.overall.closureRate).toBeCloseTo(1 / 3);
      expect(stats.byCategory['law-related']).toMatchObject({ filed: 2, closed: 1, overdue: 1 });
      expect(stats.byCategory['hot-issue']).toMatchObject({ filed: 1, closed: 0 });
      expect(stats.byPriority.collective).toMatchObject({ filed: 2, closed: 1, overdue: 1 });
      expect(stats.byPriority.repeated).toMatchObject({ filed: 1, overdue: 1 });
      const pending = await unitA.query(casesQuery, { unreconciled: true });
      expect(pending.map((c) => c.id)).toEqual(['a-3']);
      // Its deadline was more than a week gone at filing, so the whole ladder (head, leader, office) fired at once.
      expect(pending[0]?.overdueStepsSent).toBe(3);
      expect(pending[0]?.history.filter((h) => h.type === 'overdue')).toHaveLength(3);

      const reported = await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.ledger.filed === 4 && s.ledger.unreconciled === 2,
        { what: 'both ledgers at the campaign' },
      );
      expect(reported.ledger).toMatchObject({
        filed: 4,
        open: 3,
        closed: 1,
        overdue: 1,
        unreconciled: 2,
        closureRate: 0.25,
      });
      expect(reported.ledger.byCategory).toEqual({
        'law-related': { filed: 3, open: 2, closed: 1, overdue: 1 },
        'hot-issue': { filed: 1, open: 1, closed: 0, overdue: 0 },
      });

      const blocked = await expectRejection(
        handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] }),
      );
      expect(blocked.type).toBe('ledger_not_reconciled');
      expect(blocked.message).toContain('a-3 (town-a: 拖欠工程款)');
      expect(blocked.message).toContain('b-1 (town-b: 低保待遇)');

      await act(unitA, { type: 'nextSteps', caseId: 'a-3', by: 'u', text: '协调住建部门督促清偿' });
      await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.ledger.unreconciled === 1,
        { what: 'town A reconciled' },
      );
      const stillBlocked = await expectRejection(
        handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] }),
      );
      expect(stillBlocked.message).toContain('b-1');
      expect(stillBlocked.message).not.toContain('a-3');

      await act(unitB, { type: 'submitClosure', caseId: 'b-1', by: 'unit:town-b', report: fullReport() });
      await act(unitB, { type: 'accept', caseId: 'b-1', by: 'office' });
      await eventually(
        () => handle.query(campaignStatusQuery, asOfNow()),
        (s) => s.ledger.unreconciled === 0,
        { what: 'every case reconciled' },
      );
      await handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] });
      expect((await handle.result()).status).toBe('completed');

      // Case mails reach the unit head and the case-owning leader (assignment, then the ladder).
      const mails = await eventually(
        () => Promise.resolve(harness.outboxText().join('\n')),
        (text) => text.includes('head-town-a@example.org') && text.includes('deputy@example.org'),
        { what: 'the case notices' },
      );
      expect(mails).toContain('office@example.org');
    });
  });
});
