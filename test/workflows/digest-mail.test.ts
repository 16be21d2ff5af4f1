import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan/schema';
import { uniqueId } from '../helpers/temporal';
import { parseMail } from '../notify/parse-mail';
import { eventually } from '../support/eventually';
import { beijing, smallPlan, unitInput } from '../support/plans';
import { withPlanTime } from '../support/time-skipping-harness';

interface Mail {
  to: string;
  kind: string;
  subject: string;
  facts: string[];
  text: string;
}

/** Every .eml in a campaign's outbox folder, as a reader would see it. */
function outbox(dataDir: string, campaignId: string): Mail[] {
  const dir = path.join(dataDir, 'outbox', campaignId);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => {
      const mail = parseMail(fs.readFileSync(path.join(dir, f), 'utf8'));
      const facts = mail.headers.get('x-campaign-facts');
      return {
        to: /<([^>]+)>/.exec(mail.headers.get('to') ?? '')?.[1] ?? mail.headers.get('to') ?? '',
        kind: mail.headers.get('x-campaign-notification') ?? '',
        subject: mail.subject,
        facts: facts === undefined ? [] : facts.split(' '),
        text: mail.text,
      };
    });
}

/** What each recipient learned: `recipient fact`, sorted (a fact told twice counts twice). */
const factsTold = (mails: Mail[]) => mails.flatMap((m) => m.facts.map((f) => `${m.to} ${f}`)).sort();

/** Three units, none of which reports: reminders, overdue notices, two escalation steps, a 通报批评. */
function silentPlan(digestMail: boolean): Plan {
  const plan = smallPlan(uniqueId(digestMail ? 'digest' : 'per-event'), {
    units: [unitInput('town-a', '甲镇'), unitInput('town-b', '乙镇'), unitInput('town-c', '丙镇')],
  });
  return { ...plan, campaign: { ...plan.campaign, digestMail } };
}

/** Runs the plan past its ladder and returns the outbox once no more mail arrives. */
async function rehearse(plan: Plan): Promise<Mail[]> {
  return withPlanTime(plan, async (h) => {
    await h.runUntil(beijing('2026-04-20', '12:00'));
    let last = -1;
    return eventually(
      () => Promise.resolve(outbox(h.dataDir, plan.campaign.id)),
      (mails) => {
        const settled = mails.length > 0 && mails.length === last;
        last = mails.length;
        return settled;
      },
      { intervalMs: 1_500, what: 'the outbox to settle' },
    );
  });
}

describe('digest mail', () => {
  it('tells every recipient every fact the per-event mails told, in fewer mails', async () => {
    const perEvent = await rehearse(silentPlan(false));
    const digest = await rehearse(silentPlan(true));

    const gathered = ['due_soon', 'overdue', 'escalation', 'public_notice'];
    expect(perEvent.filter((m) => gathered.includes(m.kind)).length).toBeGreaterThan(20);
    expect(digest.filter((m) => gathered.includes(m.kind))).toEqual([]);
    // Nothing lost, nothing doubled: unit × report × step, per recipient.
    expect(factsTold(digest)).toEqual(factsTold(perEvent));
    expect(digest.length).toBeLessThan(perEvent.length);

    // One 通报批评 per unit contact for the day, naming every late unit.
    const notices = digest.filter((m) => m.kind === 'digest:public_notice' && m.to === 'town-a@example.org');
    expect(notices).toHaveLength(1);
    expect(notices[0]?.subject).toContain('通报批评（2026-04-17）：3个单位3项材料未按时上报');
    for (const unit of ['甲镇', '乙镇', '丙镇']) expect(notices[0]?.text).toContain(`${unit}：《工作小组成员名单》`);
    // The office hears of all three units' escalation in one mail for the day.
    const office = digest.filter((m) => m.kind === 'digest:escalation' && m.to === 'office@example.org');
    expect(office.map((m) => m.facts.length)).toEqual([3]);
  });
});
