import { log } from '@temporalio/workflow';
import { isoInstant } from '../domain/clock/time-units';
import type { NotificationRequest, Recipient } from '../domain/notifications/notification';
import { resolveAudience } from '../domain/notifications/audience';
import type { Audience, Unit } from '../domain/plan/schema';
import type { NotificationBody } from '../domain/notifications/notification';
import type { CarriedMail, NotificationContext } from '../contracts';
import { isDigestKind, type DigestItem } from '../domain/notifications/digest-items';
import type { DeskNotice } from '../domain/notifications/digest-book';
import { mail } from './activity-proxies';
import { clearSummary } from '../contracts/clear-summary';
import { mailSummary } from '../domain/plan/operator-summaries';

export interface NotifyCommand {
  eventKey: string;
  atMs: number;
  audience: Audience[];
  /** People outside the plan's lists, e.g. a township case-owning leader known only by name and email. */
  people?: Recipient[];
  body: NotificationBody;
}

/**
 * Background work the workflow does not wait for, counted so it can finish it before it completes;
 * mail among it is kept apart, since a new run can take it over (`carry`).
 */
function createMailSender(ctx: NotificationContext) {
  let inflight = 0;
  const track = (promise: Promise<unknown>, what: string, settled: () => void = () => undefined) => {
    inflight += 1;
    promise
      .catch((err: unknown) => log.warn('background work gave up', { what, error: String(err) }))
      .finally(() => {
        inflight -= 1;
        settled();
      });
  };
  const mailInFlight = new Set<Partial<CarriedMail>>();
  const trackMail = (job: Partial<CarriedMail>, promise: Promise<unknown>, what: string) => {
    mailInFlight.add(job);
    track(promise, what, () => mailInFlight.delete(job));
  };

  /** The activity's line in the Web UI: the kind of notice and how many it goes to, no names. */
  const summaryOf = (body: NotificationBody, to: number | 'all-units') =>
    clearSummary(mailSummary(ctx.locale, kindOf(body), to));

  function notifyAllUnits(request: Omit<NotificationRequest, 'to'>, what: string): void {
    trackMail(
      { allUnits: [request] },
      mail.notifyAllUnits.executeWithOptions({ summary: summaryOf(request.body, 'all-units') }, [
        { campaignWorkflowId: ctx.campaignWorkflowId, request },
      ]),
      what,
    );
  }

  function sendOne(request: NotificationRequest, what: string): void {
    const summary = summaryOf(request.body, request.to.length);
    trackMail({ direct: [request] }, mail.sendNotification.executeWithOptions({ summary }, [request]), what);
  }

  /**
   * Two or more direct notifications go out as one activity: every activity costs the history three
   * events and the worker a task, and a unit filing ten cases would otherwise run twenty.
   */
  function sendBatch(direct: NotificationRequest[]): boolean {
    if (direct.length < 2) return false;
    const people = direct.reduce((sum, r) => sum + r.to.length, 0);
    const kinds = [...new Set(direct.map((r) => kindOf(r.body)))].join(', ');
    const summary = clearSummary(mailSummary(ctx.locale, kinds, people));
    trackMail(
      { direct },
      mail.sendNotifications.executeWithOptions({ summary }, [direct]),
      `${direct.length} notifications`,
    );
    return true;
  }

  return {
    track,
    notifyAllUnits,
    sendOne,
    sendBatch,
    /** Mail not yet through, to hand to the next run; undefined when there is none. */
    carry: (): CarriedMail | undefined => {
      if (mailInFlight.size === 0) return undefined;
      const jobs = [...mailInFlight];
      return { direct: jobs.flatMap((j) => j.direct ?? []), allUnits: jobs.flatMap((j) => j.allUnits ?? []) };
    },
    inflight: () => inflight,
    mailInFlight: () => mailInFlight.size,
  };
}

/**
 * Sends notifications (and runs other background activities, via `track`) without making the
 * workflow wait for them: a mail outage must never delay a timer or an escalation. The count of
 * work still in flight lets the workflow finish it before it completes; mail still in flight can
 * instead be carried into the next run (`carry`, `resume`), so an SMTP outage of days never holds
 * back a continue-as-new while the history grows.
 */
export function createNotifier(ctx: NotificationContext, ownerId: string, unit?: Unit, desk?: NoticeDesk) {
  const sender = createMailSender(ctx);
  const { track, notifyAllUnits, sendOne, sendBatch } = sender;

  function sendPrepared(prepared: Prepared[]): void {
    if (sendBatch(prepared.flatMap((p) => (p.direct ? [p.direct] : [])))) {
      for (const p of prepared) if (p.allUnits) notifyAllUnits(p.allUnits, p.eventKey);
      return;
    }
    for (const p of prepared) {
      if (p.direct) sendOne(p.direct, p.eventKey);
      if (p.allUnits) notifyAllUnits(p.allUnits, p.eventKey);
    }
  }

  /**
   * The commands of one pass, batched (see sendBatch). With digest mail on, the notices a digest
   * gathers go to the campaign's desk instead; should the campaign not take them (it has ended),
   * they are mailed one by one as before, so none is lost.
   */
  function dispatchAll(commands: NotifyCommand[]): void {
    const prepared = commands.map((command) => ({
      eventKey: command.eventKey,
      command,
      ...prepare(ctx, ownerId, unit, command),
    }));
    const gathered = desk && ctx.digest === true ? prepared.filter((p) => isDigestKind(p.command.body.kind)) : [];
    if (desk && gathered.length > 0) {
      const notices = gathered.map((p) => deskNotice(p.command, p.direct?.id ?? p.allUnits?.id ?? p.eventKey, p));
      track(
        desk(notices).catch((err: unknown) => {
          log.info('the campaign did not take notices; mailing them one by one', { error: String(err) });
          sendPrepared(gathered);
        }),
        'notices to the campaign',
      );
    }
    sendPrepared(prepared.filter((p) => !gathered.includes(p)));
  }

  return {
    dispatch: (command: NotifyCommand) => dispatchAll([command]),
    dispatchAll,
    /** One prepared notification (a report's mail to the office). */
    send: sendOne,
    /** Prepared notifications (the campaign's digests), batched like a pass. */
    sendAll: (requests: NotificationRequest[]) => {
      if (!sendBatch(requests)) for (const request of requests) sendOne(request, request.id);
    },
    track,
    carry: sender.carry,
    /** Sends again what the previous run carried over. */
    resume: (carried: CarriedMail | undefined) => {
      if (!carried) return;
      if (!sendBatch(carried.direct)) for (const request of carried.direct) sendOne(request, request.id);
      for (const request of carried.allUnits) notifyAllUnits(request, request.id);
    },
    inflight: sender.inflight,
    /** Work in flight that cannot be carried into a new run (reports, fan-out). */
    inflightBesidesMail: () => sender.inflight() - sender.mailInFlight(),
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

const kindOf = (body: NotificationBody) => (body.kind === 'digest' ? `digest:${body.of}` : body.kind);

/** Where a unit hands the notices a digest gathers: the campaign workflow (unit-run.ts). */
export type NoticeDesk = (notices: DeskNotice[]) => Promise<void>;

type Prepared = ReturnType<typeof prepare> & { eventKey: string };

/** A notice as the digest keeps it: the per-event id, its recipients, and whether every unit hears it. */
function deskNotice(command: NotifyCommand, id: string, prepared: ReturnType<typeof prepare>): DeskNotice {
  return {
    id,
    atMs: command.atMs,
    to: prepared.direct?.to ?? [],
    allUnits: prepared.allUnits !== undefined,
    item: command.body as DigestItem,
  };
}

/** What one command asks of mail: a request to its own recipients, and whether every unit hears it too. */
function prepare(
  ctx: NotificationContext,
  ownerId: string,
  unit: Unit | undefined,
  command: NotifyCommand,
): {
  direct?: NotificationRequest;
  allUnits?: Omit<NotificationRequest, 'to'>;
} {
  const resolved = resolveAudience(command.audience, {
    unit,
    office: ctx.office,
    leadingGroup: ctx.leadingGroup,
  });
  if (resolved.unknownLeaders.length > 0)
    log.warn('notice to leaders the leading group does not have', { unknownLeaders: resolved.unknownLeaders });
  const extra = (command.people ?? []).filter((p) => !resolved.to.some((r) => r.email === p.email));
  const to = [...resolved.to, ...extra];
  const base: Omit<NotificationRequest, 'to'> = {
    id: `${ownerId}:${command.eventKey}`,
    campaignId: ctx.campaignId,
    campaignTitle: ctx.campaignTitle,
    rehearsal: ctx.rehearsal,
    locale: ctx.locale,
    timeZone: ctx.timeZone,
    at: isoInstant(command.atMs),
    body: command.body,
  };
  return {
    ...(to.length > 0 ? { direct: { ...base, to } } : {}),
    ...(resolved.allUnits ? { allUnits: { ...base, id: `${base.id}:all` } } : {}),
  };
}
