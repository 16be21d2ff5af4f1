import { describe, expect, it } from 'vitest';
import { localToInstant } from '../../../domain/calendar/local-time';
import {
  addNotices,
  emptyDigestBook,
  nextDigestMs,
  takeDueDigests,
  type DeskNotice,
} from '../../../domain/notifications/digest-book';
import { factOf, MAX_DIGEST_ITEMS, type DigestItem } from '../../../domain/notifications/digest-items';

const TZ = 'Asia/Shanghai';
const at = (date: string, time: string) => localToInstant(date, time, TZ);
const office = { name: '县委办', email: 'office@county.example', role: 'office' };
const head = (unit: string) => ({ name: `${unit}负责人`, email: `head@${unit}.example`, role: 'unit-head' });
const contacts = ['town-a', 'town-b', 'town-c'].map((u) => ({
  name: `${u}联系人`,
  email: `contact@${u}.example`,
  role: 'unit-contact',
}));

function item(kind: DigestItem['kind'], unitId: string, deliverableId: string, step = 1): DigestItem {
  const base = {
    unitId,
    unitName: unitId,
    phaseId: 'p1',
    phaseName: '排查',
    deliverableId,
    deliverableTitle: deliverableId,
    dueAt: '2026-04-14T10:00:00.000Z',
  };
  if (kind === 'due_soon') return { kind, ...base };
  if (kind === 'overdue') return { kind, ...base, lateByMs: 1 };
  if (kind === 'escalation') return { kind, ...base, lateByMs: 2, step, accountability: false };
  return { kind, ...base, lateByMs: 3, accountability: true };
}

let n = 0;
function notice(i: DigestItem, atMs: number, to: DeskNotice['to'], allUnits = false): DeskNotice {
  n += 1;
  return { id: `unit:${i.unitId}:${n}`, atMs, to, allUnits, item: i };
}

describe('digest book', () => {
  it('gathers one 通报批评 per unit contact for a day, listing every late unit and report', () => {
    const notices = [
      notice(item('public_notice', 'town-a', 'r1'), at('2026-04-17', '09:00'), [], true),
      notice(item('public_notice', 'town-a', 'r2'), at('2026-04-17', '09:00'), [], true),
      notice(item('public_notice', 'town-b', 'r1'), at('2026-04-17', '15:00'), [], true),
    ];
    const book = addNotices(emptyDigestBook(), notices);
    // Not before the day is over.
    expect(
      takeDueDigests(book, { nowMs: at('2026-04-17', '23:59'), timeZone: TZ, unitContacts: contacts }).mails,
    ).toEqual([]);
    const { book: after, mails } = takeDueDigests(book, {
      nowMs: at('2026-04-18', '00:00'),
      timeZone: TZ,
      unitContacts: contacts,
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(contacts);
    expect(mails[0]?.of).toBe('public_notice');
    expect(mails[0]?.day).toBe('2026-04-17');
    expect(mails[0]?.items.map(factOf)).toEqual(notices.map((x) => factOf(x.item)));
    expect(after.pending).toEqual([]);
  });

  it("puts a unit's reminders of one day, due soon and overdue alike, in one mail, and keeps days apart", () => {
    const contact = contacts[0]!;
    const book = addNotices(emptyDigestBook(), [
      notice(item('due_soon', 'town-a', 'r1'), at('2026-04-12', '09:00'), [contact]),
      notice(item('overdue', 'town-a', 'r2'), at('2026-04-12', '18:00'), [contact]),
      notice(item('due_soon', 'town-a', 'r3'), at('2026-04-13', '09:00'), [contact]),
    ]);
    const { mails } = takeDueDigests(book, { nowMs: at('2026-04-20', '00:00'), timeZone: TZ, unitContacts: [] });
    expect(mails.map((m) => [m.of, m.day, m.items.length])).toEqual([
      ['reminder', '2026-04-12', 2],
      ['reminder', '2026-04-13', 1],
    ]);
  });

  it('gives each recipient exactly the escalations addressed to them, and the office all of them', () => {
    const book = addNotices(emptyDigestBook(), [
      notice(item('escalation', 'town-a', 'r1'), at('2026-04-16', '09:00'), [head('town-a'), office]),
      notice(item('escalation', 'town-b', 'r1'), at('2026-04-16', '09:00'), [head('town-b'), office]),
    ]);
    const { mails } = takeDueDigests(book, { nowMs: at('2026-04-17', '01:00'), timeZone: TZ, unitContacts: [] });
    const told = Object.fromEntries(
      mails.flatMap((m) => m.to.map((r) => [r.email, m.items.map((i) => i.unitId)] as const)),
    );
    expect(told).toEqual({
      'head@town-a.example': ['town-a'],
      'head@town-b.example': ['town-b'],
      'office@county.example': ['town-a', 'town-b'],
    });
    expect(mails.map((m) => m.key)).toEqual([
      'escalation:2026-04-16:1:1',
      'escalation:2026-04-16:1:2',
      'escalation:2026-04-16:1:3',
    ]);
  });

  it('keeps a notice handed in twice once, and sends a late one for a day already sent as the next part', () => {
    const first = notice(item('public_notice', 'town-a', 'r1'), at('2026-04-17', '09:00'), [], true);
    let book = addNotices(addNotices(emptyDigestBook(), [first]), [first]);
    expect(book.pending).toHaveLength(1);
    const sent = takeDueDigests(book, { nowMs: at('2026-04-18', '00:00'), timeZone: TZ, unitContacts: contacts });
    book = addNotices(sent.book, [notice(item('public_notice', 'town-c', 'r1'), at('2026-04-17', '10:00'), [], true)]);
    const late = takeDueDigests(book, { nowMs: at('2026-04-18', '00:00'), timeZone: TZ, unitContacts: contacts });
    expect(late.mails.map((m) => m.key)).toEqual(['public_notice:2026-04-17:2:1']);
  });

  it('wakes at the start of the day after its oldest notice, and sends all at the end', () => {
    const book = addNotices(emptyDigestBook(), [
      notice(item('due_soon', 'town-a', 'r1'), at('2026-04-12', '09:00'), [contacts[0]!]),
    ]);
    expect(nextDigestMs(book, TZ)).toBe(at('2026-04-13', '00:00'));
    expect(nextDigestMs(emptyDigestBook(), TZ)).toBeUndefined();
    const all = takeDueDigests(book, { nowMs: at('2026-04-12', '10:00'), timeZone: TZ, unitContacts: [], all: true });
    expect(all.mails).toHaveLength(1);
  });

  it('splits a day too big for one mail into parts, losing nothing', () => {
    const many = Array.from({ length: MAX_DIGEST_ITEMS + 5 }, (_, i) =>
      notice(item('public_notice', 'town-a', `r${i}`), at('2026-04-17', '09:00'), [], true),
    );
    const { mails } = takeDueDigests(addNotices(emptyDigestBook(), many), {
      nowMs: at('2026-04-18', '00:00'),
      timeZone: TZ,
      unitContacts: contacts,
    });
    expect(mails.map((m) => m.items.length)).toEqual([MAX_DIGEST_ITEMS, 5]);
    expect(new Set(mails.map((m) => m.key)).size).toBe(2);
  });
});
