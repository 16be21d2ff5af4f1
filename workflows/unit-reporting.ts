import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import { accessAuditSignal, unitProgressSignal } from '../contracts';
import { sealMessage } from '../domain/access/message-seal';
import { nextProgressVersion, unitProgress, type UnitProgress } from '../domain/unit/unit-progress';
import type { UnitAccess } from './unit-access';
import type { UnitRun } from './unit-run';

export interface UnitReporter {
  /** Tells the campaign of refused attempts and of changed progress, if any. */
  report: () => Promise<void>;
  /** The version of the last progress the campaign took; carried across continue-as-new. */
  progressVersion: () => number;
  /** How many audit reports this unit has sealed; carried across continue-as-new. */
  auditSeq: () => number;
}

/** What a unit tells its campaign: refused attempts for the audit log, and its progress when it changed. */
export function createUnitReporter(run: UnitRun, access: UnitAccess): UnitReporter {
  const campaign = getExternalWorkflowHandle(run.input.context.campaignWorkflowId);
  let progressVersion = run.input.carried?.progressVersion ?? 0;
  // Not carried across continue-as-new: a new run reports once, whatever the last run sent.
  const progressReported = lastReported();
  let auditSeq = run.input.carried?.seals?.auditSeq ?? 0;
  const seal = (channel: string, seq: number, payload: unknown) =>
    sealMessage(run.input.messageKey, { channel, from: run.input.unit.id, seq, to: ['campaign'], payload });

  const reportRefusals = async () => {
    if (access.refusals.length === 0) return;
    try {
      const entries = access.refusals.splice(0);
      auditSeq += 1;
      await campaign.signal(accessAuditSignal, entries, seal('accessAudit', auditSeq, entries));
    } catch (err) {
      log.warn('campaign did not take audit entries', { error: String(err) });
    }
  };
  const reportProgress = async () => {
    if (!run.progressDirty()) return;
    run.clearProgressDirty();
    const progress = unitProgress(run.state(), run.now(), nextProgressVersion(progressVersion, Date.now()));
    // Most campaign events (an approval, a pause) change nothing the campaign counts; a report
    // the campaign already has would cost both histories a signal and the unit a workflow task.
    if (!progressReported.isNew(progress)) return;
    progressVersion = progress.version;
    try {
      await campaign.signal(unitProgressSignal, progress, seal('unitProgress', progress.version, progress));
    } catch (err) {
      // The campaign may already have finished; the unit's own record is still complete.
      log.info('campaign did not take progress', { error: String(err) });
    }
  };
  return {
    report: async () => {
      await reportRefusals();
      await reportProgress();
    },
    progressVersion: () => progressVersion,
    auditSeq: () => auditSeq,
  };
}

/** The last progress report sent, to tell whether another would say anything new. */
function lastReported() {
  let last: string | undefined;
  return {
    /** Whether `progress` says something the last report did not; it is the last report from now on. */
    isNew: (progress: UnitProgress) => {
      const content = JSON.stringify({ ...progress, version: 0 });
      const isNew = content !== last;
      last = content;
      return isNew;
    },
  };
}
