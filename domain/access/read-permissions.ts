import type { Principal } from './principal';

/**
 * Who may read what: reads are guarded like writes. A unit sees its own deliverables and cases;
 * leaders and the office see the whole campaign; a petitioner's personal data (name, contact) is
 * shown only to the office, the unit that owns the case, and the case-owning leader (包案领导).
 * Pure: the service asks it before every view and audits a refusal.
 */
export type ReadTarget =
  /** Campaign-wide: status, glance, overdue, escalations, timeline, audit, notifications, reports. */
  | { kind: 'campaign' }
  /** One unit's deliverables, log and cases (personal data masked unless `personalDataOf` allows). */
  | { kind: 'unit'; unitId: string };

export interface LeaderRef {
  id: string;
  name: string;
}

export interface CaseOwnership {
  owningUnit: string;
  owningLeader: { name: string; leaderId?: string };
}

export type ReadVerdict = { ok: true } | { ok: false; code: 'read_not_allowed'; message: string };

const refuse = (message: string): ReadVerdict => ({ ok: false, code: 'read_not_allowed', message });

export function mayRead(principal: Principal, target: ReadTarget): ReadVerdict {
  if (principal === 'office' || principal.startsWith('leader:')) return { ok: true };
  const unitId = principal.slice('unit:'.length);
  if (target.kind === 'campaign') {
    return refuse(
      `${principal} may see its own deliverables and cases only; the campaign's views are for leaders and the office`,
    );
  }
  if (target.unitId !== unitId) {
    return refuse(`${principal} may not see unit ${target.unitId}: a unit sees its own deliverables and cases only`);
  }
  return { ok: true };
}

/**
 * Whether the petitioner's name and contact of a case are shown to this reader. A case-owning
 * leader is named by id when the ledger knows it, else by name, as the ledger itself matches them.
 */
export function maySeePersonalData(principal: Principal, c: CaseOwnership, leaders: readonly LeaderRef[]): boolean {
  if (principal === 'office') return true;
  if (principal === `unit:${c.owningUnit}`) return true;
  if (!principal.startsWith('leader:')) return false;
  const leaderId = principal.slice('leader:'.length);
  if (c.owningLeader.leaderId !== undefined) return c.owningLeader.leaderId === leaderId;
  const leader = leaders.find((l) => l.id === leaderId);
  return leader !== undefined && leader.name === c.owningLeader.name;
}

/** 张** for 张三: the same masking as a ledger export without personal data. */
export const maskName = (name: string): string =>
  name.length <= 1 ? name : `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`;

/** The case as this reader may see it: personal data masked (name) or left out (contact) when not theirs. */
export function redactCase<C extends CaseOwnership & { petitioner: { name: string; contact?: string } }>(
  principal: Principal,
  c: C,
  leaders: readonly LeaderRef[],
): C {
  if (maySeePersonalData(principal, c, leaders)) return c;
  return { ...c, petitioner: { name: maskName(c.petitioner.name) } };
}

/** A ledger with every petitioner unmasked leaves the service as a file: the office's alone. */
export function mayExportPersonalData(principal: Principal): ReadVerdict {
  return principal === 'office'
    ? { ok: true }
    : refuse(`${principal} may export the ledger with personal data masked only; unmasked, it is the office's`);
}
