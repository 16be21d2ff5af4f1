import type { CampaignCommand } from './campaign-commands';
import type { CampaignState } from './campaign-state';

export type ActionError = { code: string; message: string; path?: (string | number)[] };
export type ActionCheck = { ok: true } | { ok: false; error: ActionError };
export type ActionOutcome = { state: CampaignState; commands: CampaignCommand[] };

export const reject = (
  code: string,
  message: string,
  path?: (string | number)[],
): { ok: false; error: ActionError } => ({
  ok: false,
  error: { code, message, path },
});
export const OK: ActionCheck = { ok: true };
