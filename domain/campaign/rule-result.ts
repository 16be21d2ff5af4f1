import type { CampaignCommand } from './campaign-commands';
import type { CampaignState } from './campaign-state';

export type ActionError = { code: string; message: string; path?: (string | number)[] };
export type ActionCheck = { ok: true } | { ok: false; error: ActionError };
/** `message` says what happened, when it is more than the action's name (e.g. an approval that waits for more). */
export type ActionOutcome = { state: CampaignState; commands: CampaignCommand[]; message?: string };

export const reject = (
  code: string,
  message: string,
  path?: (string | number)[],
): { ok: false; error: ActionError } => ({
  ok: false,
  error: { code, message, path },
});
export const OK: ActionCheck = { ok: true };
