import { randomBytes } from 'node:crypto';
import { chainEnd, type AccessRegistry, type CampaignAccess } from '../../domain/access/credential-chain';
import type { Principal } from '../../domain/access/principal';
import type { Plan } from '../../domain/plan/schema';
import { rosteredUnits } from '../../domain/receptions/rota';
import { campaignWorkflowId, unitWorkflowId } from '../../contracts';
import { receptionWorkflowId } from '../../contracts/receptions';
import { assessmentWorkflowId } from '../../contracts/assessment';
import { nodeSha256 } from './node-hash';

/**
 * Issuing a campaign's credentials: one random token per unit, per leader and for the office, and
 * for every workflow each may act on, the end of its hash chain (see domain/access). Only the
 * chain ends go to the workflows; the tokens go to their holders and nowhere else.
 */

/** Actions each holder can take in one workflow; ample for a year of weekly reports and a large ledger. */
export const DEFAULT_CREDENTIAL_USES = 5000;

export interface IssuedCredential {
  campaignId: string;
  principal: Principal;
  token: string;
}

export const newToken = (): string => randomBytes(32).toString('base64url');

export function leadersOf(plan: Plan): Principal[] {
  const { head, deputies, members } = plan.leadingGroup;
  return [...new Set([head, ...deputies, ...members].map((p) => `leader:${p.id}` as const))];
}

/** Assessors of the panel who are not leaders (a leader scores with their leader's credential). */
export function assessorsOf(plan: Plan): Principal[] {
  const leaders = new Set(leadersOf(plan));
  return (plan.assessment?.panel ?? [])
    .filter((p) => !leaders.has(`leader:${p.id}`))
    .map((p) => `assessor:${p.id}` as const);
}

function registry(credentials: IssuedCredential[], workflowId: string, uses: number): AccessRegistry {
  return Object.fromEntries(credentials.map((c) => [c.principal, chainEnd(c.token, workflowId, uses, nodeSha256)]));
}

/** The chains of one unit's workflow: the unit's own, and those of whoever else holds a credential. */
export function unitRegistry(
  campaignId: string,
  unitId: string,
  credentials: IssuedCredential[],
  uses = DEFAULT_CREDENTIAL_USES,
): AccessRegistry {
  const holders = credentials.filter((c) => !c.principal.startsWith('unit:') || c.principal === `unit:${unitId}`);
  return registry(holders, unitWorkflowId(campaignId, unitId), uses);
}

export function issueCredentials(
  plan: Plan,
  campaignId = plan.campaign.id,
  uses = DEFAULT_CREDENTIAL_USES,
): { credentials: IssuedCredential[]; access: CampaignAccess } {
  const issue = (principal: Principal): IssuedCredential => ({ campaignId, principal, token: newToken() });
  const office = issue('office');
  const leaders = leadersOf(plan).map(issue);
  const units = plan.units.map((u) => issue(`unit:${u.id}`));
  const assessors = assessorsOf(plan).map(issue);
  const credentials = [office, ...leaders, ...units, ...assessors];
  return {
    credentials,
    access: {
      campaign: registry([office, ...leaders], campaignWorkflowId(campaignId), uses),
      units: Object.fromEntries(plan.units.map((u) => [u.id, unitRegistry(campaignId, u.id, credentials, uses)])),
      receptions: Object.fromEntries(
        (plan.receptions ?? []).map((p) => {
          // Unit heads on the rota (各村每周一接访) record their own receptions.
          const heads = new Set(rosteredUnits(plan, p).map((id) => `unit:${id}`));
          return [
            p.id,
            registry(
              [office, ...leaders, ...units.filter((u) => heads.has(u.principal))],
              receptionWorkflowId(campaignId, p.id),
              uses,
            ),
          ];
        }),
      ),
      ...(plan.assessment
        ? { assessment: registry([office, ...leaders, ...assessors], assessmentWorkflowId(campaignId), uses) }
        : {}),
    },
  };
}
