import type { HistorySize } from './histories';

/** What one run (ours or the baseline) measured at one size. */
export interface RunFigures {
  units: number;
  wallSeconds: number;
  submissions: number;
  submissionsPerSecond: number;
  submitMs: { p50: number; p95: number; p99: number };
  statusQueryMs?: { p50: number; p95: number; p99: number; samples: number };
  caseUpdates?: number;
  caseUpdatesPerSecond?: number;
  workerPeakRssMb: number;
  workerCpuSeconds: number;
  serverCpuSeconds: number;
  campaignHistory?: HistorySize;
  unitHistory?: HistorySize;
  historyBytesPerUnit?: number;
  openCasesAtPeak?: number;
}

export interface SizeResult {
  units: number;
  ours: RunFigures;
  baseline: RunFigures;
  throughputRatio: number;
  p95Ratio: number;
}
