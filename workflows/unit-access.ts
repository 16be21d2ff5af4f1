import { setHandler } from '@temporalio/workflow';
import { accessQuery } from '../contracts';
import type { AuditEntry } from '../domain/access/audit-log';
import { depthsOf, type AccessRegistry } from '../domain/access/credential-chain';
import { createAccessGate, type AccessGate } from './access-gate';
import type { UnitRun } from './unit-run';

export interface UnitAccess {
  gate: AccessGate;
  /** Chain ends now (they change with every credentialed action); carried across continue-as-new. */
  registry: () => AccessRegistry | undefined;
  /** Refused attempts not yet reported to the campaign's audit log, taken by the caller. */
  refusals: AuditEntry[];
}

export function installUnitAccess(run: UnitRun): UnitAccess {
  let access = run.input.access;
  const refusals: AuditEntry[] = [];
  const gate = createAccessGate({
    registry: () => access,
    setRegistry: (registry) => (access = registry),
    unitId: run.input.unit.id,
    record: (entry) => refusals.push(entry),
    now: run.now,
  });
  setHandler(accessQuery, () => (access ? depthsOf(access) : null));
  return { gate, registry: () => access, refusals };
}
