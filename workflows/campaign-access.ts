import { setHandler } from '@temporalio/workflow';
import { accessAuditSignal, accessQuery, auditLogQuery } from '../contracts';
import { appendAudit, AuditEntrySchema, emptyAuditLog, type AuditLog } from '../domain/access/audit-log';
import { depthsOf, type AccessRegistry, type CampaignAccess } from '../domain/access/credential-chain';
import { createAccessGate, type AccessGate } from './access-gate';
import { createSealedInbox, type SealedInbox } from './sealed-inbox';
import type { CampaignRun } from './campaign-run';

export interface CampaignAccessHolder {
  gate: AccessGate;
  /** Chain ends now (they change with every credentialed action); carried across continue-as-new. */
  access: () => CampaignAccess | undefined;
  audit: () => AuditLog;
  /** The door for the sealed signals of the campaign's units; its marks are carried across continue-as-new. */
  inbox: SealedInbox;
  /** Adds a unit's chain ends, issued when the office added it. */
  addUnit: (unitId: string, registry: AccessRegistry) => void;
}

/**
 * The campaign's credentials and audit log: the gate its updates pass, the refused attempts its
 * units report, and the queries that show both.
 */
export function installCampaignAccess(run: CampaignRun): CampaignAccessHolder {
  let access = run.input.access;
  let audit = { ...emptyAuditLog(), ...run.input.carriedAudit };
  const record = (entries: unknown[]) => {
    const valid = entries.flatMap((e) => {
      const parsed = AuditEntrySchema.safeParse(e);
      return parsed.success ? [parsed.data] : [];
    });
    if (valid.length > 0) audit = appendAudit(audit, valid);
  };
  const gate = createAccessGate({
    registry: () => access?.campaign,
    setRegistry: (registry) => {
      if (access) access = { ...access, campaign: registry };
    },
    record: (entry) => record([entry]),
    now: run.now,
  });
  const inbox = createSealedInbox({
    key: run.input.messageKey,
    self: 'campaign',
    carried: run.input.carriedSeals,
    record: (entry) => record([entry]),
    now: run.now,
  });
  // Only a unit of this campaign may add to its audit log: a forged entry is itself recorded.
  setHandler(accessAuditSignal, (entries, seal) => {
    if (inbox.accept('accessAudit', entries, seal) && Array.isArray(entries)) record(entries.slice(0, 100));
  });
  setHandler(accessQuery, () => (access ? depthsOf(access.campaign) : null));
  setHandler(auditLogQuery, () => audit);
  return {
    gate,
    access: () => access,
    audit: () => audit,
    inbox,
    addUnit: (unitId, registry) => {
      if (access) access = { ...access, units: { ...access.units, [unitId]: registry } };
    },
  };
}
