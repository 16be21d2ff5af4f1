import { setGuardedUpdate } from './validated-update';
import { parseOrReject, reject } from './reject';
import { pauseReceptionsUpdate, resumeReceptionsUpdate } from '../contracts/receptions';
import { applyPause, planPause, planResume } from '../domain/receptions/pause';
import { PauseInputSchema } from '../domain/receptions/register-schema';
import type { ReceptionHost } from './reception-host';

/**
 * 暂停、恢复: the office pauses a reception programme and resumes it. Only the state changes: the
 * timers keep their schedule, and each alarm asks the pause in force at its own instant
 * (domain/receptions/pause.ts), so a pause holds across worker restarts and continue-as-new.
 */
export function registerPauseHandlers(host: Pick<ReceptionHost, 'gate' | 'state' | 'setState' | 'now'>): void {
  const decided = <T>(d: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T =>
    d.ok ? d.value : reject(d.error);
  setGuardedUpdate(
    pauseReceptionsUpdate,
    host.gate,
    'pauseReceptions',
    (raw) => decided(planPause(host.state(), parseOrReject(PauseInputSchema, raw), host.now())),
    (pause) => {
      host.setState(applyPause(host.state(), pause));
      return pause;
    },
  );
  setGuardedUpdate(
    resumeReceptionsUpdate,
    host.gate,
    'resumeReceptions',
    (raw) => {
      parseOrReject(PauseInputSchema, raw);
      return decided(planResume(host.state(), host.now()));
    },
    (pause) => {
      host.setState(applyPause(host.state(), pause));
      return pause;
    },
  );
}
