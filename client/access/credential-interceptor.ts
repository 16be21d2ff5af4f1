import type {
  Next,
  WorkflowClientInterceptor,
  WorkflowStartUpdateInput,
  WorkflowStartUpdateOutput,
} from '@temporalio/client';
import type { Client } from '@temporalio/client';
import { proofFor, type AccessDepths } from '../../domain/access/credential-chain';
import { actionOfUpdate, mayAct, type Action } from '../../domain/access/permissions';
import { isPrincipal, type Principal } from '../../domain/access/principal';
import { accessQuery } from '../../contracts';
import { nodeSha256 } from './node-hash';
import type { IssuedCredential } from './issue-credentials';

/**
 * Presents a credential with every update, so commands, the demo and tests need not know about
 * credentials: it reads the workflow's public chain depths, picks a credential allowed to take the
 * action (the one `--as` names, if it names a principal), and adds the chain value that unlocks it.
 * A workflow of a campaign without credentials answers the depth query with null: nothing is added.
 */

const UNKNOWN_PROOF = '0'.repeat(64);

// A campaign, one of its units, one of its reception programmes (campaign:<id>:receptions:<programme>)
// or its assessment (campaign:<id>:assessment).
const WORKFLOW_ID = /^campaign:([^:]+)(?::unit:(.+)|:receptions:.+|:assessment)?$/;

export interface Wallet {
  /** The credentials this caller holds, for any campaign. */
  credentials: (campaignId: string) => IssuedCredential[];
  /** The principal `--as` asks for, if any. */
  preferred?: string;
}

export function credentialInterceptor(client: () => Client, wallet: Wallet): WorkflowClientInterceptor {
  return {
    async startUpdate(
      input: WorkflowStartUpdateInput,
      next: Next<WorkflowClientInterceptor, 'startUpdate'>,
    ): Promise<WorkflowStartUpdateOutput> {
      const match = WORKFLOW_ID.exec(input.workflowExecution.workflowId);
      const action = actionOfUpdate(input.updateName, input.args[0]);
      const [payload, ...rest] = input.args;
      if (!match || !action || typeof payload !== 'object' || payload === null) return next(input);
      const [, campaignId = '', unitId] = match;
      const held = wallet.credentials(campaignId);
      if (held.length === 0) return next(input);
      const depths = await client()
        .workflow.getHandle(input.workflowExecution.workflowId)
        .query(accessQuery)
        .catch(() => null);
      if (depths === null) return next(input);
      // Without `--as`, the actor the message names (`by`) picks among the credentials held: a
      // wallet with the whole campaign's files (the demo, an office's rehearsal) acts as that person.
      const by = (payload as { by?: unknown }).by;
      const chosen = choose(
        held,
        depths,
        action,
        unitId,
        wallet.preferred ?? (typeof by === 'string' ? by : undefined),
      );
      if (chosen === undefined) return next(input);
      // A holder the workflow does not know is still named, so the refusal (and the audit) says who tried.
      const depth = depths[chosen.principal];
      const proof =
        depth === undefined || depth === 0
          ? UNKNOWN_PROOF
          : proofFor(chosen.token, input.workflowExecution.workflowId, depth, nodeSha256);
      const credential = { principal: chosen.principal, proof };
      return next({ ...input, args: [{ ...payload, credential }, ...rest] });
    },
  };
}

/** The credential `--as` names, or else the first one held that may take the action here. */
function choose(
  held: IssuedCredential[],
  depths: AccessDepths,
  action: Action,
  unitId: string | undefined,
  preferred: string | undefined,
): IssuedCredential | undefined {
  if (preferred !== undefined && isPrincipal(preferred)) {
    const named = held.find((c) => c.principal === preferred);
    if (named) return named;
  }
  const known = (p: Principal) => depths[p] !== undefined;
  // A bare id (`--as judge-1`, as the assessment commands take it) names the one credential it ends.
  const byId = held.filter((c) => known(c.principal) && c.principal.split(':')[1] === preferred);
  if (byId.length === 1) return byId[0];
  return (
    held.find((c) => known(c.principal) && mayAct(c.principal, action, unitId)) ??
    held.find((c) => known(c.principal)) ??
    held[0]
  );
}
