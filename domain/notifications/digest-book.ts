import { z } from 'zod';
import { addDays, instantToLocal, localToInstant } from '../calendar/local-time';
import { DigestItemSchema, groupOf, MAX_DIGEST_ITEMS, type DigestGroup, type DigestItem } from './digest-items';
import { RecipientSchema, type Recipient } from './notification';

/**
 * Digest mail (汇总发送): notices of one group (digest-items.ts) to one recipient on one plan day go out as one mail,
 * sent once the day is over. A unit workflow hands its notices to the campaign's book instead of
 * mailing them; the campaign flushes the book when a day ends and when the campaign ends. Pure: the
 * same book and time always give the same mails, so a replayed workflow sends the same ids again and
 * the delivery log keeps them at once-only.
 */

/** One notice as a unit would have mailed it on its own. */
export const DeskNoticeSchema = z.object({
  /** The per-event request id: a notice handed in twice is kept once. */
  id: z.string().min(1).max(400),
  atMs: z.number().int(),
  to: z.array(RecipientSchema).max(100),
  /** Also to every unit's contact (通报), resolved from the roster when the digest is sent. */
  allUnits: z.boolean(),
  item: DigestItemSchema,
});
export type DeskNotice = z.infer<typeof DeskNoticeSchema>;

/** Notices one unit hands in at once: bounded like any signal. */
export const DeskNoticesSchema = z.array(DeskNoticeSchema).min(1).max(500);

export interface DigestBook {
  pending: DeskNotice[];
  /** Digests already sent per `group:day`, so notices that arrive after their day was sent go in a next part. */
  sent: Record<string, number>;
}

export const emptyDigestBook = (): DigestBook => ({ pending: [], sent: {} });

export function addNotices(book: DigestBook, notices: DeskNotice[]): DigestBook {
  const known = new Set(book.pending.map((n) => n.id));
  const fresh = notices.filter((n) => !known.has(n.id) && known.add(n.id));
  return fresh.length === 0 ? book : { ...book, pending: [...book.pending, ...fresh] };
}

export const dayOf = (atMs: number, timeZone: string): string => instantToLocal(atMs, timeZone).date;

/** When the book next has a day to send: the start of the day after its oldest notice. */
export function nextDigestMs(book: DigestBook, timeZone: string): number | undefined {
  if (book.pending.length === 0) return undefined;
  const oldest = Math.min(...book.pending.map((n) => n.atMs));
  return localToInstant(addDays(dayOf(oldest, timeZone), 1), '00:00', timeZone);
}

export interface DigestMail {
  /** Stable per book and time: `kind:day:part:group`. */
  key: string;
  of: DigestGroup;
  day: string;
  atMs: number;
  to: Recipient[];
  items: DigestItem[];
}

/**
 * The mails for every day that is over at `nowMs` (every day, with `all`, when the campaign ends),
 * and the book without them. `unitContacts` stands for "every unit" at the moment of sending.
 */
export function takeDueDigests(
  book: DigestBook,
  options: { nowMs: number; timeZone: string; unitContacts: Recipient[]; all?: boolean },
): { book: DigestBook; mails: DigestMail[] } {
  const today = dayOf(options.nowMs, options.timeZone);
  const due = book.pending.filter((n) => options.all === true || dayOf(n.atMs, options.timeZone) < today);
  if (due.length === 0) return { book, mails: [] };
  const buckets = new Map<string, DeskNotice[]>();
  for (const notice of due) {
    const key = `${groupOf(notice.item.kind)}:${dayOf(notice.atMs, options.timeZone)}`;
    buckets.set(key, [...(buckets.get(key) ?? []), notice]);
  }
  const sent = { ...book.sent };
  const mails: DigestMail[] = [];
  for (const [bucket, notices] of [...buckets].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const part = (sent[bucket] ?? 0) + 1;
    sent[bucket] = part;
    mails.push(...composeBucket(`${bucket}:${part}`, notices, options.unitContacts));
  }
  const taken = new Set(due.map((n) => n.id));
  return { book: { pending: book.pending.filter((n) => !taken.has(n.id)), sent }, mails };
}

/** Per recipient, the notices addressed to them; recipients told exactly the same share one request. */
function composeBucket(bucket: string, notices: DeskNotice[], unitContacts: Recipient[]): DigestMail[] {
  const [of, day] = bucket.split(':') as [DigestGroup, string];
  const byEmail = new Map<string, { recipient: Recipient; notices: DeskNotice[] }>();
  for (const notice of [...notices].sort((a, b) => a.atMs - b.atMs || (a.id < b.id ? -1 : 1))) {
    for (const recipient of [...notice.to, ...(notice.allUnits ? unitContacts : [])]) {
      const email = recipient.email.toLowerCase();
      const entry = byEmail.get(email) ?? { recipient, notices: [] };
      if (!entry.notices.includes(notice)) entry.notices.push(notice);
      byEmail.set(email, entry);
    }
  }
  const groups = new Map<string, { to: Recipient[]; notices: DeskNotice[] }>();
  for (const { recipient, notices: told } of byEmail.values()) {
    const signature = told.map((n) => n.id).join('\n');
    const group = groups.get(signature) ?? { to: [], notices: told };
    group.to.push(recipient);
    groups.set(signature, group);
  }
  const mails: DigestMail[] = [];
  [...groups.values()].forEach((group, index) => {
    for (let start = 0; start < group.notices.length; start += MAX_DIGEST_ITEMS) {
      const chunk = group.notices.slice(start, start + MAX_DIGEST_ITEMS);
      const piece = start === 0 ? '' : `:${start / MAX_DIGEST_ITEMS + 1}`;
      mails.push({
        key: `${bucket}:${index + 1}${piece}`,
        of,
        day,
        atMs: Math.max(...chunk.map((n) => n.atMs)),
        to: group.to,
        items: chunk.map((n) => n.item),
      });
    }
  });
  return mails;
}
