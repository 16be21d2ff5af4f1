import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../client/plan/read-plan-file';
import { expectRejection } from '../../client/update-rejection';
import type { Plan } from '../../domain/plan/schema';
import type { Report } from '../../domain/reports/report-schema';
import {
  approvePhaseUpdate,
  campaignStatusQuery,
  returnPhaseUpdate,
  submitReportUpdate,
  unitStatusQuery,
  unitWorkflowId,
} from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { beijing } from '../support/plans';
import { withPlanTime, type PlanTimeHarness } from '../support/time-skipping-harness';

const NEVER = 'town-chengwei'; // never reports anything
const LATE = 'dept-land'; // sends its member list two days late

async function countyPlan(): Promise<Plan> {
  const result = await readPlanFile(path.join(__dirname, '../../examples/county-petition-campaign.yaml'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  // One mail per event: this test follows single notices (digest-mail.test.ts has the digest).
  return { ...result.plan, campaign: { ...result.plan.campaign, id: uniqueId('county'), digestMail: false } };
}

const reportFor = (kind: string): Report =>
  kind === 'member-list' ? { members: [{ name: '张三', role: '组长' }] } : { text: `${kind} 情况说明` };

/** Every unit but those excluded submits whatever it currently owes and has not yet sent. */
async function submitOwed(h: PlanTimeHarness, plan: Plan, except: string[]) {
  for (const unit of plan.units.filter((u) => !except.includes(u.id))) {
    const handle = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unit.id));
    const status = await handle.query(unitStatusQuery);
    for (const row of status.rows.filter((r) => r.state === 'open' || r.state === 'overdue')) {
      const occurrence = row.key.includes('@') ? row.key.split('@')[1] : undefined;
      await handle.executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: row.deliverableId, occurrence, report: reportFor(row.kind), by: `unit:${unit.id}` }],
      });
    }
  }
}

async function waitUntilOwed(h: PlanTimeHarness, plan: Plan, key: string) {
  for (const unit of plan.units) {
    const handle = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unit.id));
    await eventually(
      () => handle.query(unitStatusQuery),
      (s) => s.rows.some((r) => r.key === key),
      { what: `${unit.id} to owe ${key}` },
    );
  }
}

const at = (entries: { at: string }[]) => entries.map((e) => Date.parse(e.at));

describe('the county petition campaign (000 篇5) on plan time', () => {
  it('reminds, escalates, postpones for Labour Day, returns one unit and waits for approval', async () => {
    const plan = await countyPlan();
    await withPlanTime(plan, async (h) => {
      const unit = (id: string) => h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, id));

      await h.runUntil(beijing('2026-04-12', '12:00'));
      await waitUntilOwed(h, plan, 'working-group-members');
      await submitOwed(h, plan, [NEVER, LATE]);

      await h.runUntil(beijing('2026-04-16', '12:00'));
      const late = await unit(LATE).executeUpdate(submitReportUpdate, {
        args: [{ deliverableId: 'working-group-members', report: reportFor('member-list'), by: `unit:${LATE}` }],
      });
      // Late by 1 day 18 hours, give or take the real milliseconds the update took.
      expect(late.onTime).toBe(false);
      expect(Math.round(late.lateByMs / 60_000)).toBe(
        (beijing('2026-04-16', '12:00') - beijing('2026-04-14', '18:00')) / 60_000,
      );
      await waitUntilOwed(h, plan, 'case-ledger');
      await submitOwed(h, plan, [NEVER]);

      // A leader returns the investigation phase to one town only.
      await h.handle.executeUpdate(returnPhaseUpdate, {
        args: [
          {
            phaseId: 'investigate',
            units: ['town-boye'],
            reason: '台帐缺少包案领导',
            newDue: '2026-04-25',
            by: 'leader:leader-li',
          },
        ],
      });
      const wrongUnit = await expectRejection(
        h.handle.executeUpdate(returnPhaseUpdate, {
          args: [
            { phaseId: 'investigate', units: ['nowhere'], reason: 'x', newDue: '2026-04-25', by: 'leader:leader-li' },
          ],
        }),
      );
      expect(wrongUnit.type).toBe('unknown_unit');
      await eventually(
        () => unit('town-boye').query(unitStatusQuery),
        (s) => s.rows.find((r) => r.key === 'case-ledger')?.state === 'open',
        { what: 'the returned ledger to reopen' },
      );
      const untouched = await unit('town-xiaodian').query(unitStatusQuery);
      expect(untouched.rows.find((r) => r.key === 'case-ledger')).toMatchObject({ state: 'on-time', returns: 0 });
      await submitOwed(h, plan, [NEVER]);

      // Week by week through the resolution phase, every unit but one sends its progress report.
      for (let day = beijing('2026-04-27', '12:00'); day < beijing('2026-07-15'); day += 7 * 86_400_000) {
        await h.runUntil(day);
        await submitOwed(h, plan, [NEVER]);
      }
      await h.runUntil(beijing('2026-07-16', '12:00'));
      await waitUntilOwed(h, plan, 'written-summary');
      await submitOwed(h, plan, [NEVER]);

      await h.runUntil(beijing('2026-08-10', '12:00'));
      const waiting = await h.handle.query(campaignStatusQuery);
      expect(waiting).toMatchObject({ status: 'running', currentPhase: { id: 'accept', awaitingApproval: true } });
      await h.handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:leader-zhang' }] });
      const summary = await h.handle.result();
      expect(summary.status).toBe('completed');

      const log = await h.notifications();
      const about = (email: string, kind: string, key: string) =>
        log.filter((e) => e.email === email && e.kind === kind && e.requestId.includes(`:${key}:`));
      // A unit that submitted on time hears one reminder (the morning of 4/12) and nothing after.
      expect(at(about('xu.li@example.org', 'due_soon', 'working-group-members'))).toEqual([
        beijing('2026-04-12', '09:00'),
      ]);
      expect(about('xu.li@example.org', 'escalation', 'working-group-members')).toEqual([]);
      // The unit that never reports climbs the whole ladder on the plan's dates.
      expect(at(about('lv.fang@example.org', 'due_soon', 'working-group-members'))).toEqual([
        beijing('2026-04-12', '09:00'),
        beijing('2026-04-14', '09:00'),
      ]);
      expect(at(about('he.bin@example.org', 'escalation', 'working-group-members'))).toEqual([
        beijing('2026-04-15', '09:00'),
      ]);
      expect(
        at(about('li.weidong@example.org', 'escalation', 'working-group-members')).filter(
          (t) => t === beijing('2026-04-17', '09:00'),
        ),
      ).toHaveLength(1);
      expect(
        at(
          log.filter(
            (e) =>
              e.email === 'xu.li@example.org' &&
              e.kind === 'public_notice' &&
              e.requestId.includes(`${NEVER}:working-group-members`),
          ),
        ),
      ).toEqual([beijing('2026-04-19', '09:00')]);
      const never = await unit(NEVER).query(unitStatusQuery);
      expect(never.marks.map((m) => m.atMs)).toContain(beijing('2026-04-24', '09:00'));
      // Labour Day: the report due Monday 5/4 falls on a day off and moves to Wednesday 5/6.
      expect(never.rows.find((r) => r.key === 'weekly-progress@2026-05-04')?.dueMs).toBe(
        beijing('2026-05-06', '18:00'),
      );
      expect(at(about('lv.fang@example.org', 'due_soon', 'weekly-progress@2026-05-04'))).toEqual([
        beijing('2026-05-04', '09:00'),
        beijing('2026-05-06', '09:00'),
      ]);
    });
  });
});
