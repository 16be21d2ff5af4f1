import type { AsOf } from '../contracts';
import type { CaseCommand } from '../domain/cases/case-notices';
import type { Unit } from '../domain/plan/schema';
import type { UnitState } from '../domain/unit/unit-state';
import type { AccessGate } from './access-gate';

/** What the ledger's handlers (unit-ledger.ts, case-transfer.ts) need from the unit workflow that hosts them. */
export interface LedgerHost {
  unit: Unit;
  gate: AccessGate;
  campaignId: string;
  state: () => UnitState;
  /** Stores the new state and queues the case notices; the unit reports progress afterwards. */
  apply: (state: UnitState, commands: CaseCommand[]) => void;
  now: () => number;
  asOf: (asOf?: AsOf) => number;
}
