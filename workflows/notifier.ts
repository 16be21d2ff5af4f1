import { log, patched } from '@temporalio/workflow';
import type { NotificationRequest, Recipient } from '../domain/notifications/notification';
import { resolveAudience } from '../domain/notifications/audience';
import type { Audience, Person, Unit } from '../domain/plan/schema';
import type { NotificationBody } from '../domain/notifications/notification';
import { mail } from './activity-proxies';

export interface NotificationContext {
  campaignWorkflowId: string;
  campaignId: string;
  campaignTitle: string;
  rehearsal: boolean;
  locale: 'zh' | 'en';
  timeZone: string;
  office: Person;
  leadingGroup: { head: Person; deputies: Person[]; members: Person[] };
}

export interface NotifyCommand {
  eventKey: string;
  atMs: number;
  audience: Audience[];
  /** People outside the plan's lists, e.g. a township case-owning leader known only by name and email. */
  people?: Recipient[];
  body: NotificationBody;
}

/**
 * Sends notifications (and runs other background activities, via `track`) without making the workflow wait for them: a mail outage must never delay
 * a timer or an escalation. The count of messages still in flight lets the workflow finish them
 * before it continues as new or completes.
 */
export function createNotifier(ctx: NotificationContext, ownerId: string, unit?: Unit) {
  let inflight = 0;
  const track = (promise: Promise<unknown>, what: string) => {
    inflight += 1;
    promise
      .catch((err: unknown) => log.warn('background work gave up', { what, error: String(err) }))
      .finally(() => {
        inflight -= 1;
      });
  };

  /** What one command asks of mail: a request to its own recipients, and whether every unit hears it too. */
  function prepare(command: NotifyCommand): {
    direct?: NotificationRequest;
    allUnits?: Omit<NotificationRequest, 'to'>;
  } {
    const resolved = resolveAudience(command.audience, {
      unit,
      office: ctx.office,
      leadingGroup: ctx.leadingGroup,
    });
    const extra = (command.people ?? []).filter((p) => !resolved.to.some((r) => r.email === p.email));
    const to = [...resolved.to, ...extra];
    const base: Omit<NotificationRequest, 'to'> = {
      id: `${ownerId}:${command.eventKey}`,
      campaignId: ctx.campaignId,
      campaignTitle: ctx.campaignTitle,
      rehearsal: ctx.rehearsal,
      locale: ctx.locale,
      timeZone: ctx.timeZone,
      at: new Date(command.atMs).toISOString(),
      body: command.body,
    };
    return {
      ...(to.length > 0 ? { direct: { ...base, to } } : {}),
      ...(resolved.allUnits ? { allUnits: { ...base, id: `${base.id}:all` } } : {}),
    };
  }

  function notifyAllUnits(request: Omit<NotificationRequest, 'to'>, what: string): void {
    track(mail.notifyAllUnits({ campaignWorkflowId: ctx.campaignWorkflowId, request }), what);
  }

  function dispatch(command: NotifyCommand): void {
    dispatchAll([command]);
  }

  /**
   * The commands of one pass. Two or more direct notifications go out as one activity: every
   * activity costs the history three events and the worker a task, and a unit filing ten cases
   * would otherwise run twenty. Runs recorded before batching replay one activity per command.
   */
  function dispatchAll(commands: NotifyCommand[]): void {
    const prepared = commands.map((command) => ({ eventKey: command.eventKey, ...prepare(command) }));
    const direct = prepared.flatMap((p) => (p.direct ? [p.direct] : []));
    if (direct.length > 1 && patched('batched-notifications')) {
      track(mail.sendNotifications(direct), `${direct.length} notifications`);
      for (const p of prepared) if (p.allUnits) notifyAllUnits(p.allUnits, p.eventKey);
      return;
    }
    for (const p of prepared) {
      if (p.direct) track(mail.sendNotification(p.direct), p.eventKey);
      if (p.allUnits) notifyAllUnits(p.allUnits, p.eventKey);
    }
  }

  return { dispatch, dispatchAll, track, inflight: () => inflight };
}
