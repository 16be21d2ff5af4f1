import { setHandler } from '@temporalio/workflow';
import { accessQuery } from '../contracts';
import { queueAudit, type AuditEntry } from '../domain/access/audit-log';
import { depthsOf, type AccessRegistry } from '../domain/access/credential-chain';
import { createAccessGate, type AccessGate } from './access-gate';
import { createSealedInbox, type SealedInbox } from './sealed-inbox';
import type { UnitRun } from './unit-run';

export interface UnitAccess {
  gate: AccessGate;
  /** Chain ends now (they change with every credentialed action); carried across continue-as-new. */
  registry: () => AccessRegistry | undefined;
  /** Refused attempts not yet reported to the campaign's audit log, taken by the caller. */
  refusals: AuditEntry[];
  /** The door for the campaign's sealed events; a refused one joins the refusals. */
  inbox: SealedInbox;
}

export function installUnitAccess(run: UnitRun): UnitAccess {
  let access = run.input.access;
  const refusals: AuditEntry[] = [];
  const gate = createAccessGate({
    registry: () => access,
    setRegistry: (registry) => (access = registry),
    unitId: run.input.unit.id,
    record: (entry) => queueAudit(refusals, entry),
    now: run.now,
  });
  const inbox = createSealedInbox({
    key: run.input.messageKey,
    self: run.input.unit.id,
    carried: run.input.carried?.seals?.marks,
    record: (entry) => queueAudit(refusals, entry),
    now: run.now,
  });
  setHandler(accessQuery, () => (access ? depthsOf(access) : null));
  return { gate, registry: () => access, refusals, inbox };
}
