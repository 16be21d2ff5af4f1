import type { AuditEntry } from '../domain/access/audit-log';
import { checkSeal, type Seal } from '../domain/access/message-seal';

/** The highest sequence number taken per channel and sender; carried across continue-as-new. */
export type SealMarks = Record<string, Record<string, number>>;

/** Refused messages described per run; the rest are counted in `dropped` entries (see audit-log.ts). */
export const DESCRIBED_FORGERIES_PER_RUN = 100;

export interface SealedInbox {
  /** The seal of a message to take; undefined for a refused one, which is recorded and changes nothing else. */
  accept: (channel: string, payload: unknown, seal: unknown) => Seal | undefined;
  marks: () => SealMarks;
}

/**
 * A workflow's door for the signals only the campaign's own workflows may send. The rule is in
 * domain/access/message-seal.ts; here are the marks of what was taken and the audit of what was not.
 */
export function createSealedInbox(host: {
  key: string;
  /** `campaign`, or the unit whose workflow this is. */
  self: string;
  carried?: SealMarks;
  record: (entry: AuditEntry) => void;
  now: () => number;
}): SealedInbox {
  const marks: SealMarks = copy(host.carried ?? {});
  let refused = 0;
  return {
    accept: (channel, payload, seal) => {
      const lastSeq = marks[channel] ?? {};
      const verdict = checkSeal(host.key, { channel, self: host.self, payload, seal, lastSeq });
      if (verdict.ok) {
        const taken = seal as Seal;
        marks[channel] = { ...lastSeq, [taken.from]: taken.seq };
        return taken;
      }
      refused += 1;
      const entry: AuditEntry = {
        atMs: host.now(),
        workflow: host.self,
        action: `signal:${channel}`,
        code: verdict.error.code,
        reason: verdict.error.reason,
      };
      host.record(refused > DESCRIBED_FORGERIES_PER_RUN ? { ...entry, dropped: 1 } : entry);
      return undefined;
    },
    marks: () => copy(marks),
  };
}

const copy = (marks: SealMarks): SealMarks =>
  Object.fromEntries(Object.entries(marks).map(([channel, bySender]) => [channel, { ...bySender }]));
