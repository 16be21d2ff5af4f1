import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendAudit,
  queueAudit,
  AUDIT_ENTRIES_KEPT,
  emptyAuditLog,
  type AuditEntry,
} from '../../../domain/access/audit-log';
import { authorize } from '../../../domain/access/authorize';
import { chainEnd, checkProof, proofFor, type AccessRegistry } from '../../../domain/access/credential-chain';
import { mayAct, type Action } from '../../../domain/access/permissions';
import type { Principal } from '../../../domain/access/principal';
import { sha256Hex } from '../../../domain/access/sha256';
import { nodeSha256 } from '../../../client/access/node-hash';

/** Any UTF-16 code units, lone surrogates included: strings JavaScript holds that no valid text does. */
const anyCodeUnits = fc.string({ unit: fc.nat({ max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 50 });
const WORKFLOW = 'campaign:c1:unit:town-a';

describe('the pure SHA-256', () => {
  it('matches node:crypto on known vectors and on any text', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => sha256Hex(text) === nodeSha256(text)),
      { numRuns: 500 },
    );
  });

  it('encodes a lone surrogate as U+FFFD, as node:crypto does', () => {
    const replacement = sha256Hex('a\uFFFDb');
    for (const lone of ['a\uD800b', 'a\uDC00b']) {
      expect(sha256Hex(lone), JSON.stringify(lone)).toBe(nodeSha256(lone));
      expect(sha256Hex(lone)).toBe(replacement);
    }
    // A pair in the wrong order is two lone surrogates; in the right order it is one character.
    expect(sha256Hex('\uDC00\uD800')).toBe(sha256Hex('\uFFFD\uFFFD'));
    expect(sha256Hex('\uD83D\uDE00')).toBe(sha256Hex('😀'));
    fc.assert(
      fc.property(anyCodeUnits, (text) => sha256Hex(text) === nodeSha256(text)),
      { numRuns: 500 },
    );
  });
});

describe('credential chains', () => {
  const token = 'x'.repeat(43);

  it('accepts each value once, in order, and refuses a spent or forged one', () => {
    let chain = chainEnd(token, WORKFLOW, 5);
    const spent: string[] = [];
    for (let depth = 5; depth > 0; depth--) {
      const proof = proofFor(token, WORKFLOW, depth);
      const check = checkProof(chain, proof);
      if (!check.ok) throw new Error(check.code);
      chain = check.next;
      spent.push(proof);
    }
    expect(checkProof(chain, 'a'.repeat(64))).toEqual({ ok: false, code: 'credential_used_up' });
    const fresh = chainEnd(token, WORKFLOW, 5);
    const last = spent.at(-1) ?? '';
    expect(checkProof({ current: last, depth: 3 }, last)).toEqual({ ok: false, code: 'credential_stale' });
    expect(checkProof(fresh, spent[1] ?? '')).toEqual({ ok: false, code: 'credential_invalid' });
    expect(checkProof(fresh, 'f'.repeat(64))).toEqual({ ok: false, code: 'credential_invalid' });
  });

  it('gives every workflow its own chain, so a value spent in one is worthless in another', () => {
    const other = chainEnd(token, 'campaign:c1:unit:town-b', 5);
    expect(checkProof(other, proofFor(token, WORKFLOW, 5)).ok).toBe(false);
    expect(chainEnd(token, WORKFLOW, 5, nodeSha256)).toEqual(chainEnd(token, WORKFLOW, 5));
  });
});

describe('who may do what', () => {
  const cases: [Principal, Action, string | undefined, boolean][] = [
    ['unit:town-a', 'submitReport', 'town-a', true],
    ['unit:town-a', 'submitReport', 'town-b', false],
    ['unit:town-a', 'extendDeadline', 'town-a', false],
    ['office', 'extendDeadline', 'town-a', true],
    ['office', 'submitReport', 'town-a', true],
    ['unit:town-a', 'caseEvent:submitClosure', 'town-a', true],
    ['unit:town-a', 'caseEvent:accept', 'town-a', false],
    ['leader:head', 'caseEvent:accept', 'town-a', true],
    ['office', 'caseEvent:return', 'town-a', true],
    ['leader:head', 'approvePhase', undefined, true],
    ['office', 'approvePhase', undefined, true],
    ['unit:town-a', 'approvePhase', undefined, false],
    ['office', 'addUnit', undefined, true],
    ['leader:head', 'cancelCampaign', undefined, false],
    ['office', 'cancelCampaign', undefined, true],
  ];
  it.each(cases)('%s %s on %s: %s', (principal, action, unitId, allowed) => {
    expect(mayAct(principal, action, unitId)).toBe(allowed);
  });
});

describe('authorize', () => {
  const tokens = { 'unit:town-a': 'a'.repeat(43), office: 'o'.repeat(43) } as const;
  const registry: AccessRegistry = {
    'unit:town-a': chainEnd(tokens['unit:town-a'], WORKFLOW, 10),
    office: chainEnd(tokens.office, WORKFLOW, 10),
  };
  const present = (principal: keyof typeof tokens) => ({
    principal,
    proof: proofFor(tokens[principal], WORKFLOW, 10),
  });

  it('lets the unit report and spends the value', () => {
    const verdict = authorize(registry, present('unit:town-a'), 'submitReport', 'town-a');
    expect(verdict).toMatchObject({ ok: true, principal: 'unit:town-a' });
    if (verdict.ok) expect(verdict.registry['unit:town-a']?.depth).toBe(9);
  });

  it('refuses, for the audit log, a missing credential, an unknown holder, and a genuine one beyond its rights', () => {
    expect(authorize(registry, undefined, 'submitReport', 'town-a')).toMatchObject({
      code: 'credential_missing',
      audit: true,
    });
    expect(
      authorize(registry, { principal: 'unit:town-b', proof: '0'.repeat(64) }, 'submitReport', 'town-a'),
    ).toMatchObject({
      code: 'not_authorized',
      audit: true,
    });
    const beyond = authorize(registry, present('unit:town-a'), 'extendDeadline', 'town-a');
    expect(beyond).toMatchObject({ ok: false, code: 'not_authorized', audit: true });
    // The genuine value is now in history: it is spent all the same.
    if (!beyond.ok) expect(beyond.spent?.['unit:town-a']?.depth).toBe(9);
    expect(beyond.ok ? '' : beyond.message).toContain('only the office may');
  });

  it('audits a spent value shown again: a race and a replayed link look the same', () => {
    const first = authorize(registry, present('office'), 'extendDeadline', 'town-a');
    if (!first.ok) throw new Error(first.message);
    expect(authorize(first.registry, present('office'), 'extendDeadline', 'town-a')).toMatchObject({
      code: 'credential_stale',
      audit: true,
    });
  });
});

describe('the audit log', () => {
  it('keeps the latest entries and counts them all', () => {
    const entry = (n: number): AuditEntry => ({
      atMs: n,
      workflow: 'campaign',
      action: 'addUnit',
      code: 'x',
      reason: 'y',
    });
    const many = Array.from({ length: AUDIT_ENTRIES_KEPT + 20 }, (_, i) => entry(i));
    const log = appendAudit(emptyAuditLog(), many);
    expect(log.total).toBe(AUDIT_ENTRIES_KEPT + 20);
    expect(log.entries).toHaveLength(AUDIT_ENTRIES_KEPT);
    expect(log.entries[0]?.atMs).toBe(20);
  });

  it('counts dropped refusals in the total without an entry, merging them on the way', () => {
    const queue: AuditEntry[] = [];
    const base = { atMs: 1, workflow: 'town-a', action: 'submitReport', code: 'credential_invalid', reason: 'y' };
    queueAudit(queue, base);
    for (let i = 0; i < 250; i += 1) queueAudit(queue, { ...base, dropped: 1 });
    queueAudit(queue, base);
    expect(queue.map((e) => e.dropped)).toEqual([undefined, 250, undefined]);
    const log = appendAudit(emptyAuditLog(), queue);
    expect(log).toMatchObject({ total: 252, dropped: 250 });
    expect(log.entries).toHaveLength(2);
    expect(appendAudit({ entries: [], total: 3 } as never, queue)).toMatchObject({ total: 255, dropped: 250 });
  });
});
