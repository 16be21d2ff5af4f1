import { z } from 'zod';
import { sha256Hex } from './sha256';
import { PrincipalSchema, type Principal } from './principal';

/**
 * Credentials as hash chains, so no secret is ever written to workflow history. A credential is a
 * random token held by one principal. For each workflow it may act on, the token yields a seed
 * (sha256 of token and workflow id), and the workflow keeps only the chain's end, sha256 applied
 * `uses` times to the seed. To act, the holder presents the value one step before the one the
 * workflow holds; the workflow checks that it hashes to what it holds, then holds the presented
 * value instead. A value seen in history is spent: the next one is its preimage, which only the
 * token's holder can compute. Seeds differ per workflow, so a value spent in one workflow is
 * worthless in another.
 */

export type Hash = (text: string) => string;

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 value in lowercase hex');

export const ChainStateSchema = z.object({ current: Hex64, depth: z.number().int().nonnegative() });
export type ChainState = z.infer<typeof ChainStateSchema>;

/** The chains one workflow checks, by principal. */
export const AccessRegistrySchema = z.partialRecord(PrincipalSchema, ChainStateSchema);
export type AccessRegistry = z.infer<typeof AccessRegistrySchema>;

/** What a caller presents with an update. */
export const PresentedCredentialSchema = z.object({ principal: PrincipalSchema, proof: Hex64 });
export type PresentedCredential = z.infer<typeof PresentedCredentialSchema>;

export function chainSeed(token: string, workflowId: string, hash: Hash = sha256Hex): string {
  return hash(`${token}|${workflowId}`);
}

/** `hash` applied `times` times; the client passes node:crypto's, which is faster. */
export function iterateHash(value: string, times: number, hash: Hash = sha256Hex): string {
  let v = value;
  for (let i = 0; i < times; i++) v = hash(v);
  return v;
}

export function chainEnd(token: string, workflowId: string, uses: number, hash: Hash = sha256Hex): ChainState {
  return { current: iterateHash(chainSeed(token, workflowId, hash), uses, hash), depth: uses };
}

/** The value that unlocks a chain held at `depth`. */
export function proofFor(token: string, workflowId: string, depth: number, hash: Hash = sha256Hex): string {
  return iterateHash(chainSeed(token, workflowId, hash), depth - 1, hash);
}

export type ChainCheck =
  | { ok: true; next: ChainState }
  | { ok: false; code: 'credential_invalid' | 'credential_stale' | 'credential_used_up' };

/** Checks a presented value against a chain; the pure part of every credential check. */
export function checkProof(state: ChainState, proof: string): ChainCheck {
  if (state.depth === 0) return { ok: false, code: 'credential_used_up' };
  // Someone acting as the same principal at the same moment spent this value first.
  if (proof === state.current) return { ok: false, code: 'credential_stale' };
  if (sha256Hex(proof) !== state.current) return { ok: false, code: 'credential_invalid' };
  return { ok: true, next: { current: proof, depth: state.depth - 1 } };
}

export type { Principal };

/** Every chain end of a campaign, as `campaign start` issues them: the campaign's and each unit's. */
export interface CampaignAccess {
  campaign: AccessRegistry;
  units: Record<string, AccessRegistry>;
  /** The chains of each reception programme's workflow (office and leaders), by programme id. */
  receptions?: Record<string, AccessRegistry>;
  /** The chains of the assessment's workflow (考核评比): office, leaders and the plan's panel. */
  assessment?: AccessRegistry;
}

/** How deep each chain of a workflow stands: public, so a holder knows which value to present. */
export type AccessDepths = Partial<Record<Principal, number>>;

export function depthsOf(registry: AccessRegistry): AccessDepths {
  return Object.fromEntries(Object.entries(registry).flatMap(([p, chain]) => (chain ? [[p, chain.depth]] : [])));
}
