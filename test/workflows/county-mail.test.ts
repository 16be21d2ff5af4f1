import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFolderReportStore } from '../../activities/reports/report-store';
import { readPlanFile } from '../../client/plan/read-plan-file';
import type { Plan } from '../../domain/plan/schema';
import { cancelCampaignUpdate, submitReportUpdate, unitStatusQuery, unitWorkflowId } from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { parseMail } from '../notify/parse-mail';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../notify/smtp-harness';
import { eventually } from '../support/eventually';
import { beijing } from '../support/plans';
import { withPlanTime } from '../support/time-skipping-harness';

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => smtp?.close());

const kindOf = (mail: ReceivedMail) => parseMail(mail.raw).headers.get('x-campaign-notification');
const to = (email: string) => smtp.received.filter((m) => m.to.includes(email));

async function countyPlan(): Promise<Plan> {
  const result = await readPlanFile(path.join(__dirname, '../../examples/county-petition-campaign.yaml'));
  if (!result.ok) throw new Error('the county example must validate');
  // One mail per event: this test follows single notices (digest-mail.test.ts has the digest).
  return { ...result.plan, campaign: { ...result.plan.campaign, id: uniqueId('county-mail'), digestMail: false } };
}

describe('a rehearsal of the county campaign through a real SMTP server', () => {
  it('mails each unit what it owes, reminds, escalates in order, and sends the office a readable report', async () => {
    const plan = await countyPlan();
    const never = 'lv.fang@example.org'; // 程委镇's contact: never reports
    const head = 'he.bin@example.org'; // 程委镇's head
    await withPlanTime(
      plan,
      async (h) => {
        // Every unit but 程委镇 sends its member list on the first morning.
        await h.runUntil(beijing('2026-04-12', '10:00'));
        for (const unit of plan.units.filter((u) => u.id !== 'town-chengwei')) {
          const handle = h.client.workflow.getHandle(unitWorkflowId(plan.campaign.id, unit.id));
          await eventually(
            () => handle.query(unitStatusQuery),
            (s) => s.rows.length > 0,
            { what: `${unit.id} to owe` },
          );
          await handle.executeUpdate(submitReportUpdate, {
            args: [
              {
                deliverableId: 'working-group-members',
                report: { members: [{ name: '张三' }] },
                by: `unit:${unit.id}`,
              },
            ],
          });
        }
        // Step through the ladder's dates, letting each day's mail arrive before the next.
        const expected: [string, string, number][] = [
          ['2026-04-12', '10:00', 2], // phase opened, first reminder
          ['2026-04-14', '10:00', 4], // phase two opened, the day-of reminder
          ['2026-04-14', '19:00', 5], // overdue
          ['2026-04-19', '10:00', 7], // ledger reminder (4/18) and the public notice (4/19); 催报 and 督办 go to the head and the office
        ];
        for (const [date, time, atLeast] of expected) {
          await h.runUntil(beijing(date, time));
          await eventually(
            () => Promise.resolve(to(never).length),
            (n) => n >= atLeast,
            { what: `${atLeast} mails to ${never} by ${date}` },
          );
        }
        const kinds = to(never).map(kindOf);
        expect(kinds.slice(0, 5)).toEqual(['phase_opened', 'due_soon', 'phase_opened', 'due_soon', 'overdue']);
        expect(kinds).toContain('public_notice');
        expect(to(head).map(kindOf)).toContain('escalation');
        // A unit that reported on time gets no overdue mail and no escalation about it.
        expect(to('xu.li@example.org').map(kindOf)).not.toContain('overdue');
        // Every message says it is a rehearsal.
        expect(smtp.received.every((m) => parseMail(m.raw).subject.startsWith('【演练】'))).toBe(true);

        await h.handle.executeUpdate(cancelCampaignUpdate, { args: [{ reason: '演练结束', by: 'office' }] });
        await h.handle.result();
        const office = await eventually(
          () => Promise.resolve(to(plan.office.email).filter((m) => kindOf(m) === 'report_ready')),
          (mails) => mails.length > 0,
          { what: 'the final report mail' },
        );
        const refs = [...parseMail(office[0]!.raw).text.matchAll(/sha256:[0-9a-f]{64}/g)].map((m) => m[0]);
        const store = createFolderReportStore({ dataDir: h.dataDir });
        const pages = await Promise.all(refs.map(async (ref) => (await store.get(ref)).toString('utf8')));
        const html = pages.find((page) => page.includes('<table'));
        expect(html).toBeDefined();
        expect(html).toContain('程委镇');
        expect(html).toContain('信访问题专项治理工作小组成员名单');
      },
      { smtpUrl: `smtp://127.0.0.1:${smtp.port}` },
    );
  }, 300_000);
});
