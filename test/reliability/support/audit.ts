import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { messageIdFor } from '../../../activities/notify/delivery-log';
import { AesGcmPayloadCodec } from '../../../codec/aes-gcm-codec';
import { campaignKeyring } from '../../../codec/data-converter';
import type { NotificationRequest } from '../../../domain/notifications/notification';
import type { Plan } from '../../../domain/plan/schema';
import { campaignWorkflowId, phaseReportWorkflowId, unitWorkflowId } from '../../../contracts';
import type { SunkMail } from './mail-sink';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Every event of every run of a workflow, oldest run first (continue-as-new chains followed back). */
export async function historyOf(client: Client, workflowId: string): Promise<HistoryEvent[]> {
  const runs: HistoryEvent[][] = [];
  let runId: string | undefined;
  for (;;) {
    const events = (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
    runs.unshift(events);
    const previous = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) return runs.flat();
    runId = previous;
  }
}

/** What the workflows asked to be mailed, and what the server had to retry for them. */
export interface CampaignRecord {
  /** Every (Message-ID, recipient) the workflows' mail activities must deliver once. */
  expectedMail: Map<string, { requestId: string; kind: string; workflowId: string; scheduledAtMs: number }>;
  /** Notification request ids scheduled more than once (a workflow that dispatched an event twice). */
  requestsScheduledTwice: string[];
  /** Update ids accepted more than once in one workflow (never, if the server keeps its promise). */
  updatesAcceptedTwice: string[];
  updatesAccepted: number;
  /** Workflow tasks the server took back after the worker holding them died. */
  workflowTaskTimeouts: number;
  /** Activities whose last attempt before the one that finished timed out: its worker had died. */
  activitiesOutlivedWorker: number;
  /** Of those, the ones the server noticed by their missing heartbeats, before start-to-close. */
  heartbeatsLapsed: number;
  /** Activities whose last failed attempt failed by itself (a dead SMTP server, say). */
  activitiesFailedOnce: number;
  /** Activity attempts beyond the first, all activities together. */
  activityRetries: number;
  /** When each notification request was scheduled (server time), by request id. */
  scheduledAt: Map<string, number>;
  /** Request ids of mail activities that needed more than one attempt, with the last failure. */
  retried: Map<string, { attempt: number; lastFailure: string }>;
}

const HEARTBEAT_TIMEOUT = temporal.api.enums.v1.TimeoutType.TIMEOUT_TYPE_HEARTBEAT;

const mailKey = (messageId: string, rcpt: string) => `${messageId} ${rcpt.toLowerCase()}`;

const eventMs = (event: HistoryEvent) =>
  Number(event.eventTime?.seconds ?? 0) * 1000 + Math.floor((event.eventTime?.nanos ?? 0) / 1e6);

/**
 * A closed phase's report runs in a workflow of its own, and each reissue (a report that came in
 * after it was compiled) in another: every revision there is, for every phase that closed.
 */
async function phaseReportIds(client: Client, plan: Plan): Promise<string[]> {
  const ids: string[] = [];
  for (const phase of plan.phases) {
    for (let revision = 1; ; revision++) {
      const workflowId = phaseReportWorkflowId(campaignWorkflowId(plan.campaign.id), phase.id, revision);
      const exists = await client.workflow
        .getHandle(workflowId)
        .describe()
        .then(
          () => true,
          (err: unknown) => {
            if (err instanceof WorkflowNotFoundError) return false;
            throw err;
          },
        );
      if (!exists) break;
      ids.push(workflowId);
    }
  }
  return ids;
}

/** Reads the histories of a campaign and all its units, decrypting the mail activities' inputs. */
export async function readCampaignRecord(client: Client, plan: Plan): Promise<CampaignRecord> {
  const codec = new AesGcmPayloadCodec(campaignKeyring());
  const decode = async <T>(payloads: temporal.api.common.v1.IPayload[] | null | undefined): Promise<T> => {
    const [first] = await codec.decode(payloads ?? []);
    if (first === undefined) throw new Error('an activity without input');
    return defaultPayloadConverter.fromPayload<T>(first);
  };
  const id = plan.campaign.id;
  const contacts = plan.units.map((u) => u.contact.email);
  const record: CampaignRecord = {
    expectedMail: new Map(),
    requestsScheduledTwice: [],
    updatesAcceptedTwice: [],
    updatesAccepted: 0,
    workflowTaskTimeouts: 0,
    activitiesOutlivedWorker: 0,
    heartbeatsLapsed: 0,
    activitiesFailedOnce: 0,
    activityRetries: 0,
    scheduledAt: new Map(),
    retried: new Map(),
  };
  const reportIds = await phaseReportIds(client, plan);
  const workflowIds = [campaignWorkflowId(id), ...plan.units.map((u) => unitWorkflowId(id, u.id)), ...reportIds];
  const eventsOf = (workflowId: string) => historyOf(client, workflowId);
  for (const workflowId of workflowIds) {
    const updates = new Set<string>();
    // A batch of notifications is one activity: its retries count for every request in it.
    const requestsOf = new Map<string, string[]>();
    for (const event of await eventsOf(workflowId)) {
      if (event.workflowTaskTimedOutEventAttributes) record.workflowTaskTimeouts += 1;
      // A retried activity's history shows only its final attempt, with the failure of the one before.
      const started = event.activityTaskStartedEventAttributes;
      if (started && (started.attempt ?? 1) > 1) {
        record.activityRetries += (started.attempt ?? 1) - 1;
        const timeout = started.lastFailure?.timeoutFailureInfo;
        if (timeout) {
          record.activitiesOutlivedWorker += 1;
          if (timeout.timeoutType === HEARTBEAT_TIMEOUT) record.heartbeatsLapsed += 1;
        } else record.activitiesFailedOnce += 1;
        for (const requestId of requestsOf.get(String(started.scheduledEventId)) ?? []) {
          record.retried.set(requestId, {
            attempt: started.attempt ?? 1,
            lastFailure: started.lastFailure?.message ?? '',
          });
        }
      }
      const accepted = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId;
      if (accepted) {
        record.updatesAccepted += 1;
        if (updates.has(accepted)) record.updatesAcceptedTwice.push(`${workflowId} ${accepted}`);
        updates.add(accepted);
      }
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (!scheduled) continue;
      const at = eventMs(event);
      const expect = (requestId: string, kind: string, emails: string[]) => {
        requestsOf.set(String(event.eventId), [...(requestsOf.get(String(event.eventId)) ?? []), requestId]);
        if (record.scheduledAt.has(requestId)) record.requestsScheduledTwice.push(requestId);
        record.scheduledAt.set(requestId, at);
        for (const email of emails) {
          record.expectedMail.set(mailKey(messageIdFor(requestId, email), email), {
            requestId,
            kind,
            workflowId,
            scheduledAtMs: at,
          });
        }
      };
      switch (scheduled.activityType?.name) {
        case 'sendNotification': {
          const request = await decode<NotificationRequest>(scheduled.input?.payloads);
          expect(
            request.id,
            request.body.kind,
            request.to.map((r) => r.email),
          );
          break;
        }
        case 'sendNotifications': {
          for (const request of await decode<NotificationRequest[]>(scheduled.input?.payloads)) {
            expect(
              request.id,
              request.body.kind,
              request.to.map((r) => r.email),
            );
          }
          break;
        }
        case 'notifyAllUnits': {
          // The fan-out mails every unit's contact on the roster; this plan adds no units.
          const input = await decode<{ request: Omit<NotificationRequest, 'to'> }>(scheduled.input?.payloads);
          expect(input.request.id, input.request.body.kind, contacts);
          break;
        }
      }
    }
  }
  return record;
}

export interface MailTally {
  expected: number;
  delivered: number;
  /** Expected but never received. */
  missing: string[];
  /** Received but never asked for. */
  unexpected: string[];
  /** Received more than once, with no worker killed between the 250 and the delivery record. */
  doubled: string[];
  /**
   * Received twice because a worker was killed after the server's 250 and before the worker wrote
   * its delivery record: the one window at-least-once delivery leaves (same Message-ID both times,
   * so the recipient's client shows one message).
   */
  doubledByCrash: string[];
}

/**
 * Compares what the SMTP server took with what the workflows asked for. `crashesAtMs` are the
 * moments a worker was killed: a second copy is explained only by a kill that came within
 * `windowMs` after the first copy's 250, or so close before it that the server had not yet seen
 * the connection reset (`resetLagMs`), and before the second copy.
 */
export function tallyMail(
  expected: CampaignRecord['expectedMail'],
  received: SunkMail[],
  crashesAtMs: number[],
  windowMs = 2_000,
  resetLagMs = 250,
): MailTally {
  const copies = new Map<string, SunkMail[]>();
  for (const mail of received) {
    const key = mailKey(mail.messageId, mail.rcpt);
    copies.set(key, [...(copies.get(key) ?? []), mail]);
  }
  const tally: MailTally = {
    expected: expected.size,
    delivered: copies.size,
    missing: [...expected.keys()].filter((key) => !copies.has(key)),
    unexpected: [...copies.keys()]
      .filter((key) => !expected.has(key))
      .map((key) => `${key} (${copies.get(key)?.[0]?.kind ?? '?'})`),
    doubled: [],
    doubledByCrash: [],
  };
  for (const [key, list] of copies) {
    if (list.length < 2) continue;
    const explained = list.slice(1).every((later, i) =>
      crashesAtMs.some((k) => {
        const first = list[i]!.receivedAtMs;
        return k >= first - resetLagMs && k - first < windowMs && k < later.receivedAtMs;
      }),
    );
    (explained ? tally.doubledByCrash : tally.doubled).push(`${key} ×${list.length}`);
  }
  return tally;
}
