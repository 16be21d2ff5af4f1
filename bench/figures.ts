import type { EventTypeCounts, HistorySize } from './histories';
import type { Percentiles } from './load';
import type { StatusWaitFigures } from './status-wait';
import type { WorkflowTaskFigures } from './workflow-tasks';

/** CPU a process spent during a run, in seconds and in cores kept busy on average. */
export interface CpuFigures {
  cpuSeconds: number;
  cores: number;
}

/** What both runs (ours and the baseline) measure at one size. */
export interface RunFigures {
  units: number;
  /** Start of the first workflow to the end of the last (ours: to the campaign's summary). */
  wallSeconds: number;
  submissions: number;
  /** Accepted submissions per second of burst time (see Samples). */
  submissionsPerSecond: number;
  submitMs: Percentiles;
  /** Submissions refused for a moment because the phase had not reached the unit yet. */
  retries: number;
  /** Worker memory: resident when it began to poll, and its peak (VmHWM) over the whole run. */
  worker: CpuFigures & { startRssMb: number; peakRssMb: number };
  server: CpuFigures;
  loadGenerator: CpuFigures;
  /** CPU the rest of the machine used meanwhile: high means the figures are noisy. */
  otherProcesses: CpuFigures;
}

export interface PhaseTiming {
  phaseId: string;
  /** Previous approval (or the start) until the phase had reached every unit. */
  openSeconds: number;
  submitSeconds: number;
  caseSeconds: number;
  approveSeconds: number;
}

export interface OursFigures extends RunFigures {
  /** The campaign this run started (the CLI start is timed against it). */
  campaignId: string;
  /** Updates whose RPC timed out before the workflow took them (a backlog), asked again under the same id. */
  rpcTimeouts: number;
  /**
   * The dashboard's status queries from the start to the final approval, under the units' load;
   * failures (whole run) also counts the driver's own status polls that failed.
   */
  statusQueryMs: Percentiles & { samples: number; failures: number };
  /** The same after the final approval, while the campaign prepares its summary. */
  statusQueryAfterLoadMs: Percentiles & { samples: number };
  /**
   * A query that computes nothing, to a no-logic workflow on an idle worker of its own, at the same
   * moments as statusQueryMs (bench/control-probe.ts): the engine's and the machine's share of it.
   */
  controlQueryMs: Percentiles & { samples: number; failures: number };
  /**
   * The status the campaign published on itself (a memo, `campaign glance`), read from the server
   * at the same moments as statusQueryMs; failures include reads before its first publication.
   */
  publishedStatusMs: Percentiles & { samples: number; failures: number };
  /**
   * Per phase, seconds from its last accepted report until the published status counted every
   * report so far: how far behind a glance can be; null when it did not within a minute.
   */
  publishedCatchUpSeconds: (number | null)[];
  /** Start to the final approval: the units' work without the final report. */
  toLastApproval: { wallSeconds: number; workerCpuSeconds: number; serverCpuSeconds: number };
  caseUpdates: number;
  caseUpdatesPerSecond: number;
  caseUpdateMs: Percentiles;
  openCases: number;
  /** Worker resident memory right after every case was filed (all open). */
  rssWithOpenCasesMb: number;
  /** The final approval until the campaign returned its summary (the final report), or gave up waiting. */
  finalReportSeconds: number;
  phases: PhaseTiming[];
  /** Undefined when no summary came within --summary-timeout: wallSeconds is then a lower bound. */
  summary: { status: string; owed: number; onTime: number; late: number } | undefined;
  history: {
    campaign: HistorySize;
    /** All units together, every run. */
    units: HistorySize;
    /** Unit workflows visibility listed (should equal units). */
    unitWorkflowsFound: number;
    /** (campaign + all units) ÷ units. */
    perUnit: { events: number; bytes: number };
    /** One unit's history downloaded and proto-encoded, beside visibility's figure for it, and its events by type. */
    check: { workflowId: string; encodedBytes: number; visibilityBytes: number; eventTypes: EventTypeCounts };
  };
  /** The campaign workflow's tasks, start to summary: what a status query waits behind. */
  campaignTasks: WorkflowTaskFigures;
  /** What the status answers over 100 ms under load were asked behind (bench/status-wait.ts). */
  statusWaits: StatusWaitFigures;
}

export interface SizeResult {
  units: number;
  ours: OursFigures;
  /** The baseline run of median throughput among `baselineRuns`. */
  baseline: RunFigures;
  /** Submissions per second of every baseline run, in the order they ran. */
  baselineRuns: number[];
  /** Submissions per second of every run of ours, in the order they ran; the median one is `ours`. */
  oursRuns: number[];
  /** ours ÷ baseline submissions per second (targets in bench/targets.ts). */
  throughputRatio: number;
  /** ours ÷ baseline submission p95 latency. */
  p95Ratio: number;
}

/** The real-arrivals row: the same arrivals, the worker's cache uncapped and capped. */
export interface ArrivalsResult {
  units: number;
  /** Each round's calls spread at random over this many seconds. */
  windowSeconds: number;
  /** The capped run's CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS. */
  cache: number;
  uncapped: OursFigures;
  capped: OursFigures;
}
