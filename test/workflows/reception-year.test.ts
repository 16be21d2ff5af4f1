import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NotificationLogEntry } from '../../activities/notify/notification-log';
import { readPlanFile } from '../../client/plan/read-plan-file';
import { expectRejection } from '../../client/update-rejection';
import { casesQuery, unitWorkflowId } from '../../contracts';
import {
  receptionProgrammeQuery,
  receptionWorkflowId,
  recordReceptionUpdate,
  substituteReceptionUpdate,
} from '../../contracts/receptions';
import type { Plan } from '../../domain/plan/schema';
import { uniqueId } from '../helpers/temporal';
import { parseMail } from '../notify/parse-mail';
import { eventually } from '../support/eventually';
import { beijing } from '../support/plans';
import { withPlanTime, type PlanTimeHarness } from '../support/time-skipping-harness';

/** Seed 004's reception days (the 1st and the 16th, 遇节假日顺延) for all of 2026. */
async function bureauPlan(): Promise<Plan> {
  const result = await readPlanFile(path.join(__dirname, '../../examples/reception-days.yaml'));
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  // The 下访 programme runs the same machinery; one programme keeps the test within its time budget.
  const receptions = result.plan.receptions!.filter((p) => p.id === 'bureau-reception');
  return { ...result.plan, receptions, campaign: { ...result.plan.campaign, id: uniqueId('reception') } };
}

const YEAR = [
  ['2026-01-04', '刘建国'], // 1/1 元旦 → Sunday 1/4, a make-up workday
  ['2026-01-16', '刘建国'],
  ['2026-02-02', '陈立华'], // Sunday 2/1
  ['2026-02-24', '陈立华'], // 2/16 春节 → 2/24
  ['2026-03-02', '王海燕'],
  ['2026-03-16', '王海燕'],
  ['2026-04-01', '赵明'],
  ['2026-04-16', '赵明'],
  ['2026-05-06', '孙红'], // 5/1 劳动节 → 5/6
  ['2026-05-18', '孙红'], // Saturday 5/16
  ['2026-06-01', '周强'],
  ['2026-06-16', '周强'],
  ['2026-07-01', '刘建国'],
  ['2026-07-16', '刘建国'],
  ['2026-08-03', '陈立华'], // Saturday 8/1
  ['2026-08-17', '陈立华'], // Sunday 8/16
  ['2026-09-01', '王海燕'],
  ['2026-09-16', '王海燕'],
  ['2026-10-08', '赵明'], // 10/1 国庆节 → 10/8
  ['2026-10-16', '赵明'],
  ['2026-11-02', '孙红'], // Sunday 11/1
  ['2026-11-16', '孙红'],
  ['2026-12-01', '周强'],
  ['2026-12-16', '周强'],
];

const mailOf = (log: NotificationLogEntry[], kind: string, email?: string) =>
  log.filter((e) => e.kind === kind && (email === undefined || e.email === email));

async function mailArrives(h: PlanTimeHarness, kind: string, accept: (entries: NotificationLogEntry[]) => boolean) {
  return eventually(
    () => h.notifications(),
    (log) => accept(log.filter((e) => e.kind === kind)),
    { what: `${kind} mail` },
  );
}

describe('004: a year of leader reception days on the 2026 calendar', () => {
  it('tells, registers, substitutes, reports a miss, files a case and sums up every week and month', async () => {
    const plan = await bureauPlan();
    await withPlanTime(plan, async (h) => {
      const programme = h.client.workflow.getHandle(receptionWorkflowId(plan.campaign.id, 'bureau-reception'));

      // The published dates, after 遇节假日顺延, with the month's leader.
      const view = await programme.query(receptionProgrammeQuery);
      expect(view.receptions.map((r) => [r.date, r.onDuty?.name])).toEqual(YEAR);

      // 1/4: told the afternoon before and in the morning; records "no visitors today".
      await h.runUntil(beijing('2026-01-04', '10:00'));
      const early = await mailArrives(h, 'reception_duty', (e) => e.length >= 2);
      expect(mailOf(early, 'reception_duty').map((e) => [e.at, e.email])).toEqual([
        [new Date(beijing('2026-01-03', '16:00')).toISOString(), 'liu.jianguo@example.org'],
        [new Date(beijing('2026-01-04', '08:00')).toISOString(), 'liu.jianguo@example.org'],
      ]);
      await programme.executeUpdate(recordReceptionUpdate, {
        args: [{ noVisitors: true, by: 'leader:secretary-liu' }],
      });
      const noReception = await expectRejection(
        programme.executeUpdate(recordReceptionUpdate, {
          args: [{ date: '2026-01-05', noVisitors: true, by: 'office' }],
        }),
      );
      expect([noReception.type, noReception.message]).toEqual([
        'no_reception',
        '局领导信访接待日 holds no reception on 2026-01-05; the next is on 2026-01-16',
      ]);

      // 1/16: nobody records; at midnight the office is told and the miss counts against 刘建国.
      await h.runUntil(beijing('2026-01-17', '01:00'));
      const missed = await mailArrives(h, 'reception_missed', (e) => e.length >= 1);
      expect(mailOf(missed, 'reception_missed').map((e) => [e.email, e.subject])).toEqual([
        ['edu-xinfang@example.org', expect.stringContaining('接访未登记：2026-01-16 局领导信访接待日（刘建国）')],
      ]);

      // 2/2: two visitors; one answered on the spot, one handed over to the first middle school.
      await h.runUntil(beijing('2026-02-02', '11:00'));
      const recorded = await programme.executeUpdate(recordReceptionUpdate, {
        args: [
          {
            by: 'leader:deputy-chen',
            visitors: [
              { name: '王某', matter: '咨询学区划分', answer: '已当场解释划片政策' },
              {
                name: '李某',
                contact: '13800000000',
                matter: '反映教师绩效工资未按时发放',
                answer: '已记录，交学校核实',
                handOver: {
                  unit: 'school-first-middle',
                  handler: '何军',
                  deadline: '2026-03-15',
                  title: '教师绩效工资发放',
                },
              },
            ],
          },
        ],
      });
      expect(recorded).toMatchObject({ receptionId: 'bureau-reception:2026-02-02', visitors: 2 });
      expect(recorded.cases).toEqual([{ unitId: 'school-first-middle', caseId: 'bureau-reception-20260202-2' }]);
      const school = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, 'school-first-middle'));
      const [filed] = await school.query(casesQuery, { caseId: 'bureau-reception-20260202-2' });
      expect(filed).toMatchObject({
        source: 'reception-day',
        owningUnit: 'school-first-middle',
        owningLeader: { name: '陈立华', leaderId: 'deputy-chen' },
        handler: '何军',
        status: 'open',
        petitioner: { name: '李某' },
      });

      // Weekly summary, Monday 2/9 09:00, for 2/2–2/8.
      await h.runUntil(beijing('2026-02-09', '10:00'));
      const weekly = await mailArrives(h, 'reception_summary', (e) =>
        e.some((m) => m.subject.includes('2026-02-02至')),
      );
      const week = mailOf(weekly, 'reception_summary').filter((m) => m.subject.includes('2026-02-02至2026-02-08'));
      expect(week[0]?.subject).toContain(
        '每周汇总：局领导信访接待日（2026-02-02至2026-02-08）应接访1次，已接访1次，缺岗0次',
      );
      // It names the handed-over case and where it stands, read from the school's ledger.
      const weekMail = parseMail(readFileSync(week[0]!.file!, 'utf8'));
      expect(weekMail.text).toContain(
        '2026-02-02 教师绩效工资发放 → 区第一中学（bureau-reception-20260202-2，办理中）',
      );
      const group = [plan.leadingGroup.head, ...plan.leadingGroup.deputies, ...plan.leadingGroup.members];
      expect(week.map((m) => m.email).sort()).toEqual(['edu-xinfang@example.org', ...group.map((p) => p.email)].sort());

      // 补位 before the day: 陈立华 names 王海燕 for 2/24; on the day it is refused.
      await h.runUntil(beijing('2026-02-20', '10:00'));
      const notLeader = await expectRejection(
        programme.executeUpdate(substituteReceptionUpdate, {
          args: [{ date: '2026-02-24', substitute: 'office-xinfang', reason: '外出', by: 'leader:deputy-chen' }],
        }),
      );
      expect(notLeader.type).toBe('not_a_leader');
      await programme.executeUpdate(substituteReceptionUpdate, {
        args: [{ date: '2026-02-24', substitute: 'deputy-wang', reason: '赴市参加会议', by: 'leader:deputy-chen' }],
      });
      const told = await mailArrives(h, 'reception_substitute', (e) => e.length >= 3);
      expect(
        mailOf(told, 'reception_substitute')
          .map((e) => e.email)
          .sort(),
      ).toEqual(['chen.lihua@example.org', 'edu-xinfang@example.org', 'wang.haiyan@example.org']);
      const rota = await programme.query(receptionProgrammeQuery, { from: '2026-02-24', to: '2026-02-24' });
      expect(rota.receptions[0]?.onDuty?.name).toBe('王海燕');
      expect(rota.receptions[0]?.rostered?.name).toBe('陈立华');

      await h.runUntil(beijing('2026-02-24', '09:00'));
      const late = await expectRejection(
        programme.executeUpdate(substituteReceptionUpdate, {
          args: [{ date: '2026-02-24', substitute: 'deputy-zhao', reason: '临时有事', by: 'office' }],
        }),
      );
      expect(late.type).toBe('reception_started');
      const standIn = await mailArrives(h, 'reception_duty', (e) =>
        e.some((m) => m.email === 'wang.haiyan@example.org'),
      );
      expect(mailOf(standIn, 'reception_duty', 'wang.haiyan@example.org')[0]?.subject).toContain('（代陈立华补位）');
      await programme.executeUpdate(recordReceptionUpdate, { args: [{ noVisitors: true, by: 'leader:deputy-wang' }] });

      // Monthly notices on the 1st: January (one held, one missed) and February (two held, one 补位).
      await h.runUntil(beijing('2026-03-01', '10:00'));
      const monthly = await mailArrives(h, 'reception_summary', (e) =>
        e.some((m) => m.subject.includes('每月通报：局领导信访接待日（2026-02-01')),
      );
      const subjects = [...new Set(mailOf(monthly, 'reception_summary').map((m) => m.subject))].filter((s) =>
        s.includes('每月通报'),
      );
      expect(subjects.map((s) => s.slice(s.indexOf('每月通报')))).toEqual([
        '每月通报：局领导信访接待日（2026-01-01至2026-01-31）应接访2次，已接访1次，缺岗1次',
        '每月通报：局领导信访接待日（2026-02-01至2026-02-28）应接访2次，已接访2次，缺岗0次',
      ]);

      // The rest of the year: the 10/1 reception is announced on 10/7 for 10/8; nothing recorded, all missed.
      await h.runUntil(beijing('2027-01-01', '10:00'));
      const year = await programme.query(receptionProgrammeQuery);
      expect(year.summary).toMatchObject({
        scheduled: 24,
        held: 3,
        missed: 21,
        substituted: 1,
        visitors: 2,
        handedOver: 1,
        casesFiled: 1,
      });
      expect(year.summary.leaders.find((l) => l.name === '刘建国')).toMatchObject({ scheduled: 4, held: 1, missed: 3 });
      const log = await mailArrives(h, 'reception_summary', (e) =>
        e.some((m) => m.subject.includes('2026-12-01至2026-12-31')),
      );
      expect(
        mailOf(log, 'reception_duty', 'zhao.ming@example.org')
          .filter((m) => m.subject.includes('2026-10-08'))
          .map((m) => m.at),
      ).toEqual([
        new Date(beijing('2026-10-07', '16:00')).toISOString(),
        new Date(beijing('2026-10-08', '08:00')).toISOString(),
      ]);
      const october = mailOf(log, 'reception_summary').find((m) => m.subject.includes('2026-10-01至2026-10-31'));
      expect(october?.subject).toContain('应接访2次，已接访0次，缺岗2次');
      expect(new Set(mailOf(log, 'reception_missed').map((m) => m.subject)).size).toBe(21);
    });
  }, 60_000);
});
