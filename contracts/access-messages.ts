import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { AuditEntry, AuditLog } from '../domain/access/audit-log';
import type { Seal } from '../domain/access/message-seal';
import type { AccessDepths } from '../domain/access/credential-chain';

/** Access messages, taken by both workflows (see domain/access). */

/** How deep each credential chain of this workflow stands; null when the campaign runs without credentials. */
export const accessQuery = defineQuery<AccessDepths | null>('access');
/** Refused attempts a unit workflow reports to its campaign's audit log. */
export const accessAuditSignal = defineSignal<[AuditEntry[], Seal?]>('accessAudit');
export const auditLogQuery = defineQuery<AuditLog>('auditLog');
