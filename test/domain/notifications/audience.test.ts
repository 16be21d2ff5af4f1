import { describe, expect, it } from 'vitest';
import { resolveAudience, type AudienceContext } from '../../../domain/notifications/audience';
import type { Audience } from '../../../domain/plan/schema';
import { person, smallPlan } from '../../support/plans';

const plan = smallPlan('audience', {
  leadingGroup: {
    head: person('head', '组长'),
    deputies: [person('deputy', '副组长')],
    members: [person('member', '成员')],
  },
});
const townA = plan.units[0]!;
const ctx: AudienceContext = { unit: townA, office: plan.office, leadingGroup: plan.leadingGroup };
const emails = (audience: Audience[], context = ctx) => resolveAudience(audience, context).to.map((r) => r.email);

describe('who an audience word reaches', () => {
  it.each<[Audience[], string[]]>([
    [['unit-head'], ['head-town-a@example.org']],
    [['unit-contact'], ['town-a@example.org']],
    [['office'], ['office@example.org']],
    [['leading-group'], ['head@example.org', 'deputy@example.org', 'member@example.org']],
    [[{ leader: 'deputy' }], ['deputy@example.org']],
    [['all-units'], []],
  ])('%j reaches %j', (audience, expected) => {
    expect(emails(audience)).toEqual(expected);
  });

  it('names each person once, with the role of the first word that reached them', () => {
    const resolved = resolveAudience([{ leader: 'deputy' }, 'leading-group', 'office', 'office'], ctx);
    expect(resolved.to.map((r) => [r.email, r.role])).toEqual([
      ['deputy@example.org', 'leader'],
      ['head@example.org', 'leading-group'],
      ['member@example.org', 'leading-group'],
      ['office@example.org', 'office'],
    ]);
  });

  it('flags every unit instead of listing them (the roster lives with the campaign)', () => {
    expect(resolveAudience(['all-units', 'office'], ctx)).toMatchObject({ allUnits: true, to: [{ role: 'office' }] });
    expect(resolveAudience(['office'], ctx).allUnits).toBe(false);
  });

  it('reaches no unit person when the notice belongs to no unit (a campaign-wide notice)', () => {
    expect(emails(['unit-head', 'unit-contact', 'office'], { ...ctx, unit: undefined })).toEqual([
      'office@example.org',
    ]);
  });

  it('returns a leader id the leading group does not have, and still reaches everyone else', () => {
    const resolved = resolveAudience([{ leader: 'nobody' }, { leader: 'head' }, 'unit-head'], ctx);
    expect(resolved.unknownLeaders).toEqual(['nobody']);
    expect(resolved.to.map((r) => r.email)).toEqual(['head@example.org', 'head-town-a@example.org']);
    expect(resolveAudience([{ leader: 'head' }], ctx).unknownLeaders).toEqual([]);
  });
});
