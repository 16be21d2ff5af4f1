import { log, setHandler } from '@temporalio/workflow';
import { unitNoticesSignal } from '../contracts';
import { roster } from '../domain/campaign/roster';
import { isoInstant } from '../domain/clock/time-units';
import {
  addNotices,
  DeskNoticesSchema,
  emptyDigestBook,
  nextDigestMs,
  takeDueDigests,
  type DigestBook,
  type DigestMail,
} from '../domain/notifications/digest-book';
import type { NotificationRequest } from '../domain/notifications/notification';
import type { CampaignAccessHolder } from './campaign-access';
import type { CampaignRun } from './campaign-run';

/**
 * How long after a day ends its digest waits, in real time: a unit hands in what it noticed just
 * before midnight a moment later, and more than a moment on a busy worker. In a rehearsal a second
 * can be a plan day; a notice later still goes out in the day's next part, never lost.
 */
const SETTLE_REAL_MS = 20_000;

export interface DigestDesk {
  /** Plan time at which a gathered day is next due to go out. */
  nextWakeMs: () => number | undefined;
  /** Sends every day that is over. */
  sendDue: () => void;
  /** Sends everything gathered; from now on a late hand-in goes out at once. */
  close: () => void;
  book: () => DigestBook;
}

/**
 * The campaign's side of digest mail: units hand in their notices (sealed, like their progress), the
 * book gathers them per recipient, group and day (domain/notifications/digest-book.ts), and the
 * campaign mails each day once it is over. Request ids come from the book, so a replay or a retried
 * activity sends nothing twice (the delivery log).
 */
export function installDigestDesk(run: CampaignRun, { inbox }: CampaignAccessHolder): DigestDesk {
  let book = run.input.carriedDigest ?? emptyDigestBook();
  let closed = false;
  const { timeZone } = run.plan.campaign;
  const settlePlanMs = SETTLE_REAL_MS * run.input.clock.scale;

  const send = (all: boolean) => {
    const unitContacts = roster(run.plan, run.state()).map((u) => ({
      name: u.contact.name,
      email: u.contact.email,
      role: 'unit-contact',
    }));
    const nowMs = run.now() - settlePlanMs;
    const taken = takeDueDigests(book, { nowMs, timeZone, unitContacts, all });
    book = taken.book;
    if (taken.mails.length > 0) run.notifier.sendAll(taken.mails.map((mail) => requestFor(run, mail)));
  };

  setHandler(unitNoticesSignal, (notices, seal) => {
    const sealed = inbox.accept('unitNotices', notices, seal);
    if (!sealed) return;
    const parsed = DeskNoticesSchema.safeParse(notices);
    // A unit hands in only notices about itself; the seal says which unit it is.
    if (!parsed.success || parsed.data.some((n) => n.item.unitId !== sealed.from)) {
      log.warn('notices dropped', { field: parsed.error?.issues[0]?.path.join('.') ?? 'item.unitId' });
      return;
    }
    book = addNotices(book, parsed.data);
    if (closed) send(true);
  });

  return {
    nextWakeMs: () => {
      const next = nextDigestMs(book, timeZone);
      return next === undefined ? undefined : next + settlePlanMs;
    },
    sendDue: () => send(false),
    close: () => {
      closed = true;
      send(true);
    },
    book: () => book,
  };
}

function requestFor(run: CampaignRun, mail: DigestMail): NotificationRequest {
  const { context } = run;
  return {
    id: `${run.info.workflowId}:digest:${mail.key}`,
    campaignId: context.campaignId,
    campaignTitle: context.campaignTitle,
    rehearsal: context.rehearsal,
    locale: context.locale,
    timeZone: context.timeZone,
    at: isoInstant(mail.atMs),
    to: mail.to,
    body: { kind: 'digest', of: mail.of, day: mail.day, items: mail.items },
  };
}
