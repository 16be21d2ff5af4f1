import { describe, expect, it } from 'vitest';
import { ALL_UNITS, checkSeal, sealMessage, type SealCheck } from '../../../domain/access/message-seal';

const KEY = 'a1'.repeat(32);
const OTHER_KEY = 'b2'.repeat(32);
const progress = { unitId: 'dept-land', version: 7, phases: {}, overdue: [], marks: 14, escalations: [] };
const sealed = sealMessage(KEY, {
  channel: 'unitProgress',
  from: 'dept-land',
  seq: 7,
  to: ['campaign'],
  payload: progress,
});
const check = (over: Partial<SealCheck>): SealCheck => ({
  channel: 'unitProgress',
  self: 'campaign',
  payload: progress,
  seal: sealed,
  lastSeq: {},
  ...over,
});
const codeOf = (verdict: ReturnType<typeof checkSeal>) => (verdict.ok ? 'ok' : verdict.error.code);

describe('sealed internal messages', () => {
  it('takes a message sealed with the campaign key for this receiver, newer than the last', () => {
    expect(codeOf(checkSeal(KEY, check({})))).toBe('ok');
    expect(codeOf(checkSeal(KEY, check({ lastSeq: { 'dept-land': 6, other: 100 } })))).toBe('ok');
  });

  it('survives the JSON round trip a payload takes through Temporal', () => {
    const travelled = JSON.parse(JSON.stringify({ payload: progress, seal: sealed })) as {
      payload: unknown;
      seal: unknown;
    };
    expect(codeOf(checkSeal(KEY, check(travelled)))).toBe('ok');
  });

  it.each([
    ['no seal at all (the stock CLI)', { seal: undefined }, 'unsealed_message'],
    ['a seal of the wrong shape', { seal: { mac: 'x' } }, 'unsealed_message'],
    ['a changed payload', { payload: { ...progress, marks: 0 } }, 'forged_message'],
    ['a seal on another channel', { channel: 'accessAudit' }, 'forged_message'],
    ['a seal claiming another sender', { seal: { ...sealed, from: 'dept-police' } }, 'forged_message'],
    ['a raised sequence number', { seal: { ...sealed, seq: 9_999_999_999_999 } }, 'forged_message'],
    ['widened recipients', { seal: { ...sealed, to: [ALL_UNITS] } }, 'forged_message'],
    ['a replay of the last one taken', { lastSeq: { 'dept-land': 7 } }, 'replayed_message'],
    ['an older one out of order', { lastSeq: { 'dept-land': 8 } }, 'replayed_message'],
    ['a message sealed for another receiver', { self: 'dept-police' }, 'replayed_message'],
  ] as const)('drops %s', (_what, over, code) => {
    expect(codeOf(checkSeal(KEY, check(over)))).toBe(code);
  });

  it('drops a message sealed with another campaign key, and takes nothing without a key', () => {
    expect(codeOf(checkSeal(OTHER_KEY, check({})))).toBe('forged_message');
    expect(codeOf(checkSeal('', check({})))).toBe('forged_message');
  });

  it('lets a broadcast to every unit reach any unit, never the campaign', () => {
    const event = { type: 'paused', seq: 3, by: 'office' };
    const seal = sealMessage(KEY, {
      channel: 'campaignEvent',
      from: 'campaign',
      seq: 3,
      to: [ALL_UNITS],
      payload: event,
    });
    const base = { channel: 'campaignEvent', payload: event, seal, lastSeq: { campaign: 2 } };
    expect(codeOf(checkSeal(KEY, { ...base, self: 'town-a' }))).toBe('ok');
    expect(codeOf(checkSeal(KEY, { ...base, self: 'campaign' }))).toBe('replayed_message');
  });

  it('bounds what a refusal says', () => {
    const verdict = checkSeal(KEY, check({ seal: { ...sealed, from: 'x'.repeat(100) } }));
    expect(verdict.ok ? 0 : verdict.error.reason.length).toBeLessThanOrEqual(500);
  });
});
