// First: the refused attempts of a day-long outage are expected, one worker warning each.
import './support/quiet-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planNow } from '../../domain/clock/plan-clock';
import { approvePhaseUpdate, escalationLogQuery, timelineQuery } from '../../contracts';
import { uniqueId } from '../helpers/temporal';
import { eventually } from '../support/eventually';
import { beijing, smallPlan } from '../support/plans';
import { withPlanTime } from '../support/time-skipping-harness';
import { submitWhenOwed } from '../support/unit-driver';
import { readCampaignRecord, tallyMail, type CampaignRecord } from './support/audit';
import { startMailSink, type MailSink, type SunkMail } from './support/mail-sink';

/**
 * The SMTP server down for a whole plan day and more (36 hours at the real scale, on the
 * time-skipping server), while a reminder, an overdue notice, the first escalation step and the
 * first phase's report fall due. Mail is retried patiently (10 s doubling to 30 min, for 3 days),
 * so each held-back message must go out once within 30 minutes of the server's return, and the
 * campaign must keep exactly the dates it keeps with no outage at all: its timers never wait for
 * mail. The same plan runs twice, without and with the outage, and the runs are compared.
 */

const OUTAGE_START = beijing('2026-04-15', '08:00');
const OUTAGE_END = beijing('2026-04-16', '20:00');
const MINUTE = 60_000;

interface Run {
  record: CampaignRecord;
  mails: SunkMail[];
  /** Plan time of every escalation step, phase event and mail activity, keyed without the campaign id. */
  timing: Map<string, number>;
  /** Delivery attempts the worker logged as deferred (the server refused the connection). */
  deferred: number;
  /** Mails that arrived after the outage began and before 31 plan minutes after it ended. */
  heldBack: SunkMail[];
  /** Mails the server took while it was down: must be none. */
  duringOutage: number;
}

let sink: MailSink;
let calm: Run;
let stormy: Run;

/** Town A reports on time; town B never does and climbs the ladder through the outage. */
async function rehearse(outage: boolean): Promise<Run> {
  const plan = smallPlan(uniqueId(outage ? 'outage' : 'no-outage'));
  const id = plan.campaign.id;
  const mine = () => sink.received.filter((m) => m.campaignId === id);
  return withPlanTime(
    plan,
    async (h) => {
      await h.runUntil(beijing('2026-04-12', '10:00'));
      await submitWhenOwed(h.client, id, 'town-a', 'members', { members: [{ name: '张三' }] });

      await h.runUntil(OUTAGE_START);
      // What fell due before the outage has gone out: phase one opened to both units, B's first reminder.
      await eventually(
        () => Promise.resolve(mine().length),
        (n) => n >= 5,
        { what: 'the first days’ mail', timeoutMs: 30_000 },
      );
      if (outage) await sink.down();
      const downAt = Date.now();
      await h.runUntil(OUTAGE_END);
      const duringOutage = mine().filter((m) => m.receivedAtMs >= downAt).length;
      if (outage) await sink.up();

      // The longest retry interval is 30 minutes: by then every held-back message has been tried
      // again. Plan time stands still while the test waits below (skipping is locked), so what
      // arrives was sent within 31 plan minutes of the return.
      await h.runUntil(OUTAGE_END + 31 * MINUTE);
      await eventually(
        () => Promise.resolve(mine().filter((m) => m.receivedAtMs >= downAt)),
        (list) => list.length >= 3,
        { what: 'the reminder, overdue and escalation mails of the outage', timeoutMs: 30_000 },
      );
      // The office's phase report is due in the outage too; it may land a moment later, or (see the
      // last test) not at all.
      await eventually(
        () => Promise.resolve(mine().filter((m) => m.receivedAtMs >= downAt)),
        (list) => list.some((m) => m.kind === 'report_ready'),
        { what: 'the phase report mail', timeoutMs: 10_000 },
      ).catch(() => undefined);
      const heldBack = mine().filter((m) => m.receivedAtMs >= downAt);
      expect(planNow(h.clock, await h.env.currentTimeMs())).toBeLessThan(OUTAGE_END + 32 * MINUTE);

      // The rest of the campaign: both summaries, the leaders' approval, the end.
      await h.runUntil(beijing('2026-04-18', '10:00'));
      for (const unit of ['town-a', 'town-b']) {
        await submitWhenOwed(h.client, id, unit, 'summary', { text: '总结' });
      }
      await h.runUntil(beijing('2026-04-19', '20:00'));
      await h.handle.executeUpdate(approvePhaseUpdate, { args: [{ phaseId: 'accept', by: 'leader:head' }] });
      const summary = await h.handle.result();
      expect(summary.status).toBe('completed');

      const record = await readCampaignRecord(h.client, plan);
      const neutral = (key: string) => key.replaceAll(id, 'CAMPAIGN');
      const timing = new Map<string, number>();
      for (const [requestId, atMs] of record.scheduledAt)
        timing.set(`mail ${neutral(requestId)}`, planNow(h.clock, atMs));
      for (const e of await h.handle.query(escalationLogQuery))
        timing.set(`step ${e.unitId}/${e.key}/${e.step}`, e.atMs);
      for (const t of await h.handle.query(timelineQuery)) timing.set(`timeline ${t.what}`, t.atMs);
      timing.set('completed', summary.completedAtMs ?? 0);
      const log = await h.notifications();
      return {
        record,
        mails: mine(),
        timing,
        deferred: log.filter((entry) => entry.status === 'deferred').length,
        heldBack,
        duringOutage,
      };
    },
    { smtpUrl: sink.url },
  );
}

beforeAll(async () => {
  sink = await startMailSink();
  calm = await rehearse(false);
  stormy = await rehearse(true);
}, 300_000);
afterAll(async () => sink?.close());

const byKind = (mails: SunkMail[]) => mails.map((m) => `${m.kind} ${m.rcpt}`).sort();

describe('the mail server down for a whole plan day', () => {
  it('without the outage, delivers every message the campaign asked for exactly once', () => {
    const tally = tallyMail(calm.record.expectedMail, calm.mails, []);
    expect(tally.missing).toEqual([]);
    expect(tally.unexpected).toEqual([]);
    expect([...tally.doubled, ...tally.doubledByCrash]).toEqual([]);
  });

  it('takes nothing while down, then sends each unit notice of the outage once when it returns', () => {
    expect(stormy.duringOutage).toBe(0);
    // The worker kept trying all along: every 10 s at first, then every 30 minutes.
    expect(stormy.deferred).toBeGreaterThan(50);
    const notices = stormy.heldBack.filter((m) => m.kind !== 'report_ready');
    expect(byKind(notices)).toEqual([
      'due_soon town-b@example.org',
      'escalation head-town-b@example.org',
      'overdue town-b@example.org',
    ]);
    // Over the whole campaign, every unit notice once, none lost, none doubled.
    const tally = tallyMail(stormy.record.expectedMail, stormy.mails, []);
    const notReport = (key: string) =>
      stormy.record.expectedMail.get(key.replace(/ ×\d+$/, ''))?.kind !== 'report_ready';
    expect(tally.missing.filter(notReport)).toEqual([]);
    expect(tally.unexpected).toEqual([]);
    expect([...tally.doubled, ...tally.doubledByCrash]).toEqual([]);
    expect(stormy.record.expectedMail.size).toBe(calm.record.expectedMail.size);
  });

  it('keeps the campaign’s dates to the minute: phase events, escalation steps, every mail sent for, the end', () => {
    expect([...stormy.timing.keys()].sort()).toEqual([...calm.timing.keys()].sort());
    const drift = [...calm.timing].map(([key, atMs]) => Math.abs((stormy.timing.get(key) ?? Infinity) - atMs));
    const worst = Math.max(...drift);
    expect(worst).toBeLessThan(MINUTE);
    console.info(
      [
        'mail outage (36 plan hours on the time-skipping server):',
        `  held back and delivered once within 31 plan minutes of the return: ${byKind(stormy.heldBack).join(', ')}`,
        `  delivery attempts refused during the outage: ${stormy.deferred}`,
        `  mail: ${stormy.record.expectedMail.size} expected, ${new Set(stormy.mails.map((m) => `${m.messageId} ${m.rcpt}`)).size} delivered`,
        `  timing against the run without outage: ${calm.timing.size} events compared, worst drift ${Math.round(worst / 1000)} s of plan time`,
      ].join('\n'),
    );
  });

  it('mails the office the report of the phase that closed during the outage, once the server is back', () => {
    // The phase report (mobilise closes at midnight on 4/16) is mailed from inside the report
    // activity, under the report retry policy (10 attempts, about 20 minutes), not mail's 3 days.
    const report = stormy.heldBack.filter((m) => m.kind === 'report_ready');
    expect(byKind(report)).toEqual(['report_ready office@example.org']);
  });
});
