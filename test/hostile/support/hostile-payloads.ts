import fc from 'fast-check';
import { CampaignEventSchema } from '../../../domain/unit/campaign-events';
import { unitInput } from '../../support/plans';

/** Any value at all: JSON, and what only JavaScript has (undefined, -0, NaN, sparse arrays, null prototypes). */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withSparseArray: true }),
);

/** Values that look almost right: wrong types, blank or huge-ish strings, ids with forbidden characters. */
const nearMiss: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '../../etc', 'members ', 'MEMBERS', '2026-02-30', '2026-13-01', '9999-99-99'),
  fc.constantFrom(null, undefined, 0, -1, Number.NaN, true, [], {}, ['members'], { id: 'members' }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer(),
);

/**
 * A valid payload with one field broken: replaced by a near miss or by garbage, removed, or joined
 * by an unexpected key. Most are refused by the schema; some reach the domain, which refuses them
 * with its own reason (unknown phase, not open, ...), and a few are accepted.
 */
export function brokenVersionOf(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...keys), fc.oneof(nearMiss, garbage)).map(([key, value]) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc.tuple(fc.string(), garbage).map(([key, value]) => ({ ...valid, [key]: value })),
  );
}

/** Payloads for one update: half garbage, half broken versions of a valid payload. */
export function payloadsFor(valid: Record<string, unknown>, count: number, seed: number): unknown[] {
  return fc.sample(fc.oneof(garbage, brokenVersionOf(valid)), { numRuns: count, seed });
}

export const validPayloads = {
  submitReport: { deliverableId: 'members', report: { members: [{ name: '张三' }] }, by: 'unit:town-a' },
  extendDeadline: { deliverableId: 'members', newDue: '2026-04-20', reason: '汛期', by: 'office' },
  approvePhase: { phaseId: 'accept', by: 'leader:head' },
  returnPhase: { phaseId: 'mobilise', units: ['town-a'], reason: '名单不全', newDue: '2026-04-30', by: 'leader:head' },
  addUnit: { unit: unitInput('town-c', '丙镇'), by: 'office' },
  cancelCampaign: { reason: '演练结束', by: 'office' },
  fileCases: {
    filings: [
      {
        title: '征地补偿款未到位',
        category: 'law-related',
        petitioner: { name: '张某', contact: '13800000000' },
        owningLeader: { name: '副组长' },
        handler: '王干事',
        stabilityOfficer: '李所长',
        deadline: '2026-05-20',
        requirements: '依法按政策解决',
      },
    ],
    by: 'unit:town-a',
  },
  caseEvent: { type: 'note', caseId: 'seed-1', by: 'unit:town-a', text: '已约谈信访人', kind: 'talk-record' },
  receiveCase: { transferId: 't-1', fromUnit: 'town-b', case: { id: 'x' }, commands: [] },
} as const;

const EVENT_TYPES = ['phase-opened', 'phase-returned', 'phase-closed', 'paused', 'resumed', 'campaign-ended', 'x'];

/**
 * Signals that only look like campaign events, as a confused client might send. A well-formed
 * event is applied by design (signals carry no credentials yet), so only malformed ones are drawn.
 */
export function garbageSignals(count: number, seed: number): unknown[] {
  const eventLike = fc.record(
    { type: fc.constantFrom(...EVENT_TYPES), seq: garbage, by: garbage, phaseId: garbage, obligations: garbage },
    { requiredKeys: ['type'] },
  );
  const malformed = fc.oneof(garbage, eventLike).filter((v) => !CampaignEventSchema.safeParse(v).success);
  return fc.sample(malformed, { numRuns: count, seed });
}
