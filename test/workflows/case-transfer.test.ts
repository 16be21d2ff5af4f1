import { describe, expect, it } from 'vitest';
import { startCampaign } from '../../client/start-campaign';
import { expectRejection } from '../../client/update-rejection';
import {
  asOfNow,
  campaignStatusQuery,
  caseEventUpdate,
  casesQuery,
  fileCasesUpdate,
  unitStatusQuery,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { eventually } from '../support/eventually';
import { smallPlan } from '../support/plans';

// One plan day takes ten minutes: no deadline passes while the test runs.
const SCALE = 86_400_000 / 600_000;

const filing = (title: string) => ({
  title,
  category: 'law-related',
  petitioner: { name: '张某', contact: '13800000000' },
  owningLeader: { name: '副组长', leaderId: 'deputy' },
  handler: '王干事',
  stabilityOfficer: '李所长',
  deadline: '2026-05-20',
  requirements: '依法按政策解决',
});

describe('filing and transfer between units on the dev server', () => {
  it('refuses filing until a phase that allows it opens', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const id = uniqueId('no-filing');
      // The first phase (宣传发动) files no cases; the plan opens filing only in the second.
      const base = smallPlan(id);
      const plan = { ...base, phases: base.phases.map((p, i) => ({ ...p, casesFiling: i === 1 })) };
      await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
      const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      await eventually(
        () => unitA.query(unitStatusQuery, asOfNow()).catch(() => undefined),
        (s) => s?.rows.length === 1,
        { what: 'the first phase to open at town-a' },
      );
      const refused = await expectRejection(
        unitA.executeUpdate(fileCasesUpdate, { args: [{ filings: [filing('征地补偿')], by: 'unit:town-a' }] }),
      );
      expect(refused.type).toBe('filing_not_open');
      expect(await unitA.query(casesQuery)).toEqual([]);
    });
  });

  it('moves a case with its history to the other unit, and keeps it when the other unit does not exist', async () => {
    await withCampaignWorker(async (harness) => {
      const { client, taskQueue } = harness;
      const id = uniqueId('transfer');
      const plan = smallPlan(id, {
        phases: [
          {
            id: 'resolve',
            name: '集中化解',
            window: { start: '2026-04-12', end: '2026-05-30' },
            gate: 'approval',
            casesFiling: true,
          },
        ],
      });
      const campaign = await startCampaign(client, plan, { taskQueue, startedBy: 'office', rehearsalScale: SCALE });
      const unitA = client.workflow.getHandle(unitWorkflowId(id, 'town-a'));
      const unitB = client.workflow.getHandle(unitWorkflowId(id, 'town-b'));
      await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.currentPhase?.id === 'resolve',
        { what: 'the resolution phase' },
      );

      const filed = await unitA.executeUpdate(fileCasesUpdate, {
        args: [{ filings: [filing('征地补偿款未到位'), filing('宅基地纠纷')], by: 'unit:town-a' }],
      });
      // Ledger numbers carry the unit's id, so a transferred case never meets a namesake.
      expect(filed.filed).toEqual(['town-a-0001', 'town-a-0002']);
      await unitA.executeUpdate(caseEventUpdate, {
        args: [{ type: 'note', caseId: 'town-a-0001', by: 'unit:town-a', text: '已约谈信访人', kind: 'talk-record' }],
      });

      const moved = await unitA.executeUpdate(caseEventUpdate, {
        args: [
          {
            type: 'transfer',
            caseId: 'town-a-0001',
            by: 'office',
            toUnit: 'town-b',
            reason: '属地管辖',
            handler: '赵干事',
          },
        ],
      });
      expect(moved).toEqual({ caseId: 'town-a-0001', status: 'transferred', unitId: 'town-b' });
      expect((await unitA.query(casesQuery)).map((c) => c.id)).toEqual(['town-a-0002']);
      const [received] = await unitB.query(casesQuery);
      expect(received).toMatchObject({ id: 'town-a-0001', owningUnit: 'town-b', handler: '赵干事', status: 'open' });
      expect(received?.history.map((h) => h.type)).toEqual(['file', 'note', 'transfer']);

      // The receiving unit works the case from here on.
      const note = await unitB.executeUpdate(caseEventUpdate, {
        args: [{ type: 'note', caseId: 'town-a-0001', by: 'unit:town-b', text: '已接收' }],
      });
      expect(note).toEqual({ caseId: 'town-a-0001', status: 'open', unitId: 'town-b' });
      // The sender no longer holds it.
      const gone = await expectRejection(
        unitA.executeUpdate(caseEventUpdate, {
          args: [{ type: 'note', caseId: 'town-a-0001', by: 'unit:town-a', text: '?' }],
        }),
      );
      expect(gone.message).toContain('town-a-0001');

      const nowhere = await expectRejection(
        unitA.executeUpdate(caseEventUpdate, {
          args: [{ type: 'transfer', caseId: 'town-a-0002', by: 'office', toUnit: 'town-z', reason: '误报' }],
        }),
      );
      expect(nowhere.type).toBe('unknown_unit');
      expect(nowhere.message).toContain('town-z');
      const [kept] = await unitA.query(casesQuery);
      expect(kept).toMatchObject({ id: 'town-a-0002', owningUnit: 'town-a', status: 'open' });
      expect(kept?.history.at(-1)).toMatchObject({ type: 'transfer-failed' });

      // Each ledger counts what it holds; the campaign sees both cases, neither twice.
      const status = await eventually(
        () => campaign.query(campaignStatusQuery, asOfNow()),
        (s) => s.ledger.filed === 2 && s.ledger.unreconciled === 2,
        { what: 'both units to report one case each' },
      );
      expect(status.ledger).toMatchObject({ filed: 2, open: 2, unreconciled: 2 });

      // The receiving unit is assigned the case; its case-owning leader hears of the move.
      const notices = await eventually(
        () =>
          Promise.resolve(
            harness.outboxText().filter((m) => m.includes('head-town-b@example.org') || m.includes('case_transferred')),
          ),
        (found) => found.some((m) => m.includes('case_assigned')) && found.some((m) => m.includes('case_transferred')),
        { what: 'the transfer notices' },
      );
      const transferred = notices.filter((m) => m.includes('X-Campaign-Notification: case_transferred'));
      expect(transferred.length).toBeGreaterThan(0);
      expect(transferred.every((m) => m.includes('deputy@example.org'))).toBe(true);
    });
  });
});
