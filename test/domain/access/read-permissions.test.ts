import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../domain/access/principal';
import { mayRead, maySeePersonalData, redactCase, type ReadTarget } from '../../../domain/access/read-permissions';

const campaign: ReadTarget = { kind: 'campaign' };
const townA: ReadTarget = { kind: 'unit', unitId: 'town-a' };
const leaders = [
  { id: 'zhang', name: '张县长' },
  { id: 'li', name: '李副县长' },
];
const ownedBy = (owningUnit: string, owningLeader: { name: string; leaderId?: string }) => ({
  owningUnit,
  owningLeader,
  petitioner: { name: '王小明', contact: '13800000000' },
});

describe('who may read what', () => {
  it.each<[Principal, ReadTarget, boolean]>([
    ['office', campaign, true],
    ['office', townA, true],
    ['leader:zhang', campaign, true],
    ['leader:zhang', townA, true],
    ['unit:town-a', townA, true],
    ['unit:town-b', townA, false],
    ['unit:town-a', campaign, false],
  ])('%s reading %j: %s', (principal, target, allowed) => {
    expect(mayRead(principal, target).ok).toBe(allowed);
  });

  it('says in the refusal which unit was asked for', () => {
    expect(mayRead('unit:town-b', townA)).toEqual({
      ok: false,
      code: 'read_not_allowed',
      message: expect.stringContaining('may not see unit town-a') as string,
    });
  });
});

describe("a petitioner's personal data", () => {
  it.each<[Principal, ReturnType<typeof ownedBy>, boolean]>([
    ['office', ownedBy('town-a', { name: '李副县长' }), true],
    ['unit:town-a', ownedBy('town-a', { name: '李副县长' }), true],
    ['unit:town-b', ownedBy('town-a', { name: '李副县长' }), false],
    ['leader:li', ownedBy('town-a', { name: '李副县长' }), true],
    ['leader:zhang', ownedBy('town-a', { name: '李副县长' }), false],
    // Named by id, the id decides, whatever the name says.
    ['leader:zhang', ownedBy('town-a', { name: '李副县长', leaderId: 'zhang' }), true],
    ['leader:li', ownedBy('town-a', { name: '李副县长', leaderId: 'zhang' }), false],
    // A leader the plan does not list owns no case by name.
    ['leader:wang', ownedBy('town-a', { name: '李副县长' }), false],
  ])('%s, case %j: %s', (principal, c, allowed) => {
    expect(maySeePersonalData(principal, c, leaders)).toBe(allowed);
  });

  it('is masked and the contact left out for other readers, untouched for the owner', () => {
    const c = ownedBy('town-a', { name: '李副县长' });
    expect(redactCase('leader:zhang', c, leaders).petitioner).toEqual({ name: '王**' });
    expect(redactCase('unit:town-a', c, leaders)).toBe(c);
  });
});
