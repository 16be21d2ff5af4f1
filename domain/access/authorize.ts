import { checkProof, PresentedCredentialSchema, type AccessRegistry } from './credential-chain';
import { actionWords, mayAct, whoMay, type Action } from './permissions';
import type { Principal } from './principal';

/**
 * The whole access decision for one update: who presents the credential, whether it is genuine,
 * and whether that principal may take this action on this workflow. `audit` says whether the
 * refusal belongs in the campaign's audit log: every refusal of a credential does, a spent value
 * shown again too (a race between two actions of one holder looks the same as a replayed link,
 * and only the log lets the office tell them apart).
 */
export type AccessVerdict =
  | { ok: true; principal: Principal; registry: AccessRegistry }
  | { ok: false; code: string; message: string; audit: boolean; principal?: Principal; spent?: AccessRegistry };

export function authorize(
  registry: AccessRegistry,
  presented: unknown,
  action: Action,
  unitId: string | undefined,
): AccessVerdict {
  const parsed = PresentedCredentialSchema.safeParse(presented);
  if (!parsed.success) {
    const message =
      presented === undefined
        ? `a credential of this campaign is needed to ${actionWords(action)} (\`campaign start\` wrote one file per unit, leader and the office)`
        : 'the credential is malformed';
    return { ok: false, code: 'credential_missing', message, audit: true };
  }
  const { principal, proof } = parsed.data;
  const chain = registry[principal];
  if (chain === undefined) {
    return {
      ok: false,
      code: 'not_authorized',
      message: `${principal} holds no credential for ${unitId === undefined ? 'the campaign' : `unit ${unitId}`}`,
      audit: true,
      principal,
    };
  }
  const check = checkProof(chain, proof);
  if (!check.ok) {
    const messages = {
      credential_invalid: `the credential presented for ${principal} is not genuine`,
      credential_stale: `this credential value of ${principal} was already spent (another action at the same moment, or a replay); send it again`,
      credential_used_up: `the credential of ${principal} is used up for this workflow; the office issues a new one`,
    };
    return {
      ok: false,
      code: check.code,
      message: messages[check.code],
      audit: true,
      principal,
    };
  }
  // A genuine value shown for a refused action is in history now: spend it, or anyone could use it.
  const spent = { ...registry, [principal]: check.next };
  if (!mayAct(principal, action, unitId)) {
    return {
      ok: false,
      code: 'not_authorized',
      message: `${principal} may not ${actionWords(action)}${unitId === undefined ? '' : ` for ${unitId}`}: only ${whoMay(action)} may`,
      audit: true,
      principal,
      spent,
    };
  }
  return { ok: true, principal, registry: spent };
}
