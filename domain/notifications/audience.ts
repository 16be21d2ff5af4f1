import type { Audience, Person, Unit } from '../plan/schema';
import type { Recipient } from './notification';

export interface AudienceContext {
  unit?: Unit;
  office: Person;
  leadingGroup: { head: Person; deputies: Person[]; members: Person[] };
}

export interface ResolvedAudience {
  to: Recipient[];
  allUnits: boolean;
  /**
   * `{leader: id}` entries naming nobody in the leading group. Plan validation refuses such a plan
   * (unknown_leader), so this is empty for any campaign started from a checked plan; it is returned,
   * not dropped, so that the shell can warn instead of losing a recipient without a word. It is not
   * an exception: a notice to the people who do exist must still go out.
   */
  unknownLeaders: string[];
}

/**
 * Turns a plan's audience words into addresses. "all-units" is returned as a flag instead of a
 * list: the roster can hold thousands of units and lives with the campaign, not in each unit.
 */
export function resolveAudience(audience: Audience[], ctx: AudienceContext): ResolvedAudience {
  const to: Recipient[] = [];
  const unknownLeaders: string[] = [];
  const leaders = [ctx.leadingGroup.head, ...ctx.leadingGroup.deputies, ...ctx.leadingGroup.members];
  let allUnits = false;
  for (const who of audience) {
    if (typeof who === 'object') {
      const leader = leaders.find((p) => p.id === who.leader);
      if (leader) to.push({ name: leader.name, email: leader.email, role: 'leader' });
      else unknownLeaders.push(who.leader);
      continue;
    }
    switch (who) {
      case 'unit-head':
        if (ctx.unit?.head.email) to.push({ name: ctx.unit.head.name, email: ctx.unit.head.email, role: 'unit-head' });
        break;
      case 'unit-contact':
        if (ctx.unit) to.push({ name: ctx.unit.contact.name, email: ctx.unit.contact.email, role: 'unit-contact' });
        break;
      case 'office':
        to.push({ name: ctx.office.name, email: ctx.office.email, role: 'office' });
        break;
      case 'leading-group':
        for (const p of leaders) to.push({ name: p.name, email: p.email, role: 'leading-group' });
        break;
      case 'all-units':
        allUnits = true;
        break;
    }
  }
  const seen = new Set<string>();
  return { to: to.filter((r) => !seen.has(r.email) && seen.add(r.email)), allUnits, unknownLeaders };
}
