import { authorize } from '../domain/access/authorize';
import type { AuditEntry } from '../domain/access/audit-log';
import type { AccessRegistry } from '../domain/access/credential-chain';
import type { Action } from '../domain/access/permissions';
import { isPrincipal, type Principal } from '../domain/access/principal';
import { reject } from './reject';

/**
 * Credentials inside a workflow. A refusal that belongs in the audit log cannot be recorded by a
 * validator (validators change nothing), so the validator lets such an update through to its
 * handler, which records the attempt and then refuses it. Only so many are described per run; the
 * next ones are only counted (`dropped`), so the log never understates. Past the counted bound the
 * validator turns attempts away, so a flood never fills history (nor the run's 2,000 updates);
 * the last counted entry says so.
 */
export const RECORDED_REFUSALS_PER_RUN = 100;
export const COUNTED_REFUSALS_PER_RUN = 500;

export interface AccessGateHost {
  /** Undefined: the campaign was started without credentials (a rehearsal or a test); all may act. */
  registry: () => AccessRegistry | undefined;
  setRegistry: (registry: AccessRegistry) => void;
  /** The unit whose workflow this is; undefined in the campaign workflow. */
  unitId?: string;
  record: (entry: AuditEntry) => void;
  now: () => number;
}

const field = (raw: unknown, key: string): unknown =>
  typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>)[key] : undefined;

/** The payload as the domain sees it: the credential removed and `by` the credential's principal. */
function asPrincipal(raw: unknown, principal: Principal | undefined): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const { credential: _credential, ...rest } = raw as Record<string, unknown>;
  if (principal === undefined) return rest;
  const claimed = rest['by'];
  // A person's name given with --as stays in the record, next to the principal that vouches for it.
  const by =
    typeof claimed === 'string' && claimed.trim() !== '' && claimed !== principal && !isPrincipal(claimed)
      ? `${principal} (${claimed.trim().slice(0, 60)})`
      : principal;
  return { ...rest, by };
}

export function createAccessGate(host: AccessGateHost) {
  let counted = 0;

  const verdictFor = (raw: unknown, action: Action) => {
    const registry = host.registry();
    return registry === undefined ? undefined : authorize(registry, field(raw, 'credential'), action, host.unitId);
  };

  return {
    /**
     * Validator side. Returns the payload to check further when the caller may act; returns
     * undefined when the handler should record a refusal; rejects when nothing need be recorded.
     */
    screen(raw: unknown, action: Action): unknown {
      const verdict = verdictFor(raw, action);
      if (verdict === undefined) return asPrincipal(raw, undefined);
      if (verdict.ok) return asPrincipal(raw, verdict.principal);
      if (!verdict.audit || counted >= COUNTED_REFUSALS_PER_RUN) return reject(verdict);
      return undefined;
    },

    /**
     * Handler side: the payload to apply and a commit that spends the credential, or (after
     * recording the attempt) a rejection.
     */
    enforce(raw: unknown, action: Action): { payload: unknown; commit: () => void } {
      const verdict = verdictFor(raw, action);
      if (verdict === undefined) return { payload: asPrincipal(raw, undefined), commit: () => undefined };
      if (verdict.ok) {
        return { payload: asPrincipal(raw, verdict.principal), commit: () => host.setRegistry(verdict.registry) };
      }
      if (verdict.spent) host.setRegistry(verdict.spent);
      if (verdict.audit && counted < COUNTED_REFUSALS_PER_RUN) {
        counted += 1;
        const claimed = field(raw, 'by');
        const last = counted === COUNTED_REFUSALS_PER_RUN;
        host.record({
          atMs: host.now(),
          workflow: host.unitId ?? 'campaign',
          action,
          principal: verdict.principal,
          claimedBy: typeof claimed === 'string' ? claimed.slice(0, 200) : undefined,
          code: last ? 'audit_bound_reached' : verdict.code,
          reason: last
            ? `${COUNTED_REFUSALS_PER_RUN} refusals in this run: further attempts are turned away without a count until the workflow continues as new`
            : verdict.message.slice(0, 500),
          ...(counted > RECORDED_REFUSALS_PER_RUN && !last ? { dropped: 1 } : {}),
        });
      }
      return reject(verdict);
    },
  };
}

export type AccessGate = ReturnType<typeof createAccessGate>;
