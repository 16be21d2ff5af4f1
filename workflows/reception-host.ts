import type { ProgrammeContext } from '../domain/receptions/register';
import type { ReceptionProgrammeState } from '../domain/receptions/register-schema';
import type { AccessGate } from './access-gate';
import type { Notifier } from './notifier';

/** What a reception programme's update handlers (register, 补位, 暂停) need from its workflow. */
export interface ReceptionHost {
  ctx: ProgrammeContext;
  gate: AccessGate;
  notifier: Notifier;
  unitsRun: boolean;
  state: () => ReceptionProgrammeState;
  setState: (state: ReceptionProgrammeState) => void;
  now: () => number;
}
