import type { ArrivalsResult, OursFigures, RunFigures, SizeResult } from './figures';
import type { LedgerFigures } from './big-ledger';
import type { CliStartFigures } from './cli-start';
import { LONG_TASK_MS, type StatusWaitFigures } from './status-wait';
import { targetLines } from './targets';

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const triple = (p: { p50: number; p95: number; p99: number }) =>
  `${fixed(p.p50, 0)}/${fixed(p.p95, 0)}/${fixed(p.p99, 0)}`;

function row(label: string, r: RunFigures, ours?: OursFigures): string[] {
  return [
    label,
    String(r.units),
    ours && !ours.summary ? `>${fixed(r.wallSeconds)}` : fixed(r.wallSeconds),
    String(r.submissions),
    fixed(r.submissionsPerSecond),
    triple(r.submitMs),
    ours ? triple(ours.statusQueryMs) : '-',
    `${fixed(r.worker.startRssMb, 0)}/${fixed(r.worker.peakRssMb, 0)}`,
    [r.worker, r.server, r.loadGenerator, r.otherProcesses].map((c) => fixed(c.cores, 2)).join('/'),
    ours ? fixed(ours.history.perUnit.events, 0) : '-',
    ours ? fixed(ours.history.perUnit.bytes / 1024, 1) : '-',
  ];
}

const HEADER = [
  'run',
  'units',
  'wall s',
  'submits',
  'submits/s',
  'submit ms p50/95/99',
  'status ms p50/95/99',
  'worker MB start/peak',
  'cores wkr/srv/gen/other',
  'events/unit',
  'KB/unit',
];

function table(results: SizeResult[]): string[] {
  const rows = results.flatMap((r) => [row('ours', r.ours, r.ours), row('baseline', r.baseline)]);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(HEADER), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function statusWaitLine(w: StatusWaitFigures): string {
  return (
    `the campaign had a task scheduled or running ${fixed(w.campaignBusyShare * 100, 0)}% of the time; ` +
    `of ${w.slow} status answers over ${w.thresholdMs} ms, ${w.askedDuringTask} were asked during one ` +
    `(${w.askedDuringLongTask} during one of ${LONG_TASK_MS / 1000} s or more); `
  );
}

function perSize(r: SizeResult): string {
  const o = r.ours;
  return (
    `${r.units} units: throughput ours ÷ baseline ${fixed(r.throughputRatio * 100, 0)}% ` +
    `(baseline runs ${r.baselineRuns.map((b) => fixed(b)).join(', ')}/s, ours ${r.oursRuns.map((b) => fixed(b)).join(', ')}/s; ` +
    `the median of each compared), ` +
    `p95 ours ÷ baseline ${fixed(r.p95Ratio, 2)}×; ${o.caseUpdates} case updates at ${fixed(o.caseUpdatesPerSecond)}/s ` +
    `(p95 ${fixed(o.caseUpdateMs.p95, 0)} ms); final approval after ${fixed(o.toLastApproval.wallSeconds)} s; ` +
    `status p95 ${fixed(o.statusQueryAfterLoadMs.p95, 0)} ms after it, ${o.statusQueryMs.failures} status queries failed; ` +
    `control query (no logic, idle worker) ms p50/95/99 under the same load ${triple(o.controlQueryMs)}; ` +
    `published status (campaign glance) ms p50/95/99 under the same load ${triple(o.publishedStatusMs)}, ${o.publishedStatusMs.failures} failed, ` +
    `counting each phase's last report after ${o.publishedCatchUpSeconds.map((s) => (s === null ? 'over 60' : fixed(s))).join(', ')} s; ` +
    `campaign workflow: ${o.campaignTasks.tasks} tasks (${fixed(o.campaignTasks.tasksPerSecond)}/s) for ${o.campaignTasks.signals} signals, ` +
    `${o.campaignTasks.timedOut} timed out, ${o.campaignTasks.failed.count} failed, ` +
    `waiting for the worker ms p50/95/max ${fixed(o.campaignTasks.queueWaitMs.p50, 0)}/${fixed(o.campaignTasks.queueWaitMs.p95, 0)}/${fixed(o.campaignTasks.queueWaitMs.max, 0)}, ` +
    `run ms p50/95/max ${fixed(o.campaignTasks.runMs.p50, 0)}/${fixed(o.campaignTasks.runMs.p95, 0)}/${fixed(o.campaignTasks.runMs.max, 0)}; ` +
    statusWaitLine(o.statusWaits) +
    `${o.openCases} open cases, worker RSS then ${fixed(o.rssWithOpenCasesMb, 0)} MB; ` +
    `${o.rpcTimeouts} updates asked again after their RPC timed out in a backlog; ` +
    (o.summary
      ? `final report ${fixed(o.finalReportSeconds)} s; summary ${o.summary.status}, ${o.summary.onTime}/${o.summary.owed} on time`
      : `NO SUMMARY within ${fixed(o.finalReportSeconds / 60, 0)} min of the final approval (wall time is a lower bound)`)
  );
}

/** What one unit's events are spent on, grouped as a reader of the history would name them. */
const EVENT_GROUPS: [string, RegExp][] = [
  ['workflow task', /^WORKFLOW_TASK_/],
  ['update', /^WORKFLOW_EXECUTION_UPDATE_/],
  ['signal sent', /^(SIGNAL_EXTERNAL_|EXTERNAL_WORKFLOW_EXECUTION_SIGNALED)/],
  ['signal taken', /^WORKFLOW_EXECUTION_SIGNALED$/],
  ['activity', /^ACTIVITY_TASK_/],
  ['timer', /^TIMER_/],
];

function unitEvents(r: SizeResult): string {
  const { workflowId, eventTypes } = r.ours.history.check;
  const groups = new Map<string, number>();
  for (const [type, count] of Object.entries(eventTypes)) {
    const group = EVENT_GROUPS.find(([, pattern]) => pattern.test(type))?.[0] ?? 'other';
    groups.set(group, (groups.get(group) ?? 0) + count);
  }
  const total = [...groups.values()].reduce((a, b) => a + b, 0);
  const parts = [...groups].sort((a, b) => b[1] - a[1]).map(([group, count]) => `${count} ${group}`);
  return `${r.units} units: one unit's history (${workflowId.split(':').at(-1) ?? workflowId}) ${total} events: ${parts.join(', ')}`;
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

export function resultText(results: SizeResult[]): string {
  return [
    ...table(results),
    '',
    ...results.map(perSize),
    ...results.map(unitEvents),
    '',
    'targets:',
    ...targetLines(results).map((l) => `  ${l}`),
  ].join('\n');
}

/** The size row of one unit's ledger: the steps an office takes, and the unit's longest workflow task. */
export function ledgerText(ledger: LedgerFigures): string {
  const t = ledger.unitTasks;
  return [
    '| ledger cases | import s | list s | export s | unit tasks | longest task ms | task ms p95 | timed out / failed | runs |',
    '| ------------ | -------- | ------ | -------- | ---------- | --------------- | ----------- | ------------------ | ---- |',
    `| ${fixed(ledger.cases, 0)} | ${fixed(ledger.importSeconds, 1)} | ${fixed(ledger.listSeconds, 1)} | ` +
      `${fixed(ledger.exportSeconds, 1)} | ${t.tasks} | ${fixed(t.runMs.max, 0)} | ${fixed(t.runMs.p95, 0)} | ` +
      `${t.timedOut} / ${t.failed.count} | ${ledger.runs} |`,
    `longest workflow task of the unit at ${fixed(ledger.cases, 0)} cases: ${fixed(t.runMs.max, 0)} ms ` +
      `(task timeout 10,000 ms) — ${verdict(t.runMs.max < 5_000 && t.timedOut === 0 && t.failed.count === 0)}`,
  ].join('\n');
}

/** What a clerk waits for at every call: the CLI's start, median of its runs, against #26's targets. */
export function cliStartText(cli: CliStartFigures): string {
  const runs = (ms: number[]) => ms.map((m) => fixed(m, 0)).join(' ');
  return [
    `CLI start, wall time of ${cli.runs} runs each, one at a time:`,
    `  campaign --help: median ${fixed(cli.helpMedianMs, 0)} ms (${runs(cli.helpMs)}) — target < 400 ms: ${verdict(cli.helpMedianMs < 400)}`,
    `  campaign glance ID: median ${fixed(cli.glanceMedianMs, 0)} ms (${runs(cli.glanceMs)}) — target < 700 ms: ${verdict(cli.glanceMedianMs < 700)}`,
  ].join('\n');
}

/** The real-arrivals row against #26's fourth target: peak < 500 MB capped, submit p95 within 1.5× of uncapped. */
export function arrivalsText(a: ArrivalsResult): string {
  const line = (label: string, o: OursFigures) =>
    `  ${label}: wall ${fixed(o.wallSeconds, 0)} s, submit ms p50/95/99 ${triple(o.submitMs)}, status ms p95 ` +
    `${fixed(o.statusQueryMs.p95, 0)}, worker MB start/peak ${fixed(o.worker.startRssMb, 0)}/${fixed(o.worker.peakRssMb, 0)} ` +
    `(${fixed(o.rssWithOpenCasesMb, 0)} with ${o.openCases} cases open), worker cores ${fixed(o.worker.cores, 2)}, ` +
    `${o.rpcTimeouts} updates asked again after an RPC timeout, summary ${o.summary ? o.summary.status : 'MISSING'}`;
  const peak = a.capped.worker.peakRssMb;
  const ratio = a.capped.submitMs.p95 / a.uncapped.submitMs.p95;
  return [
    `real arrivals, ${a.units} units, each round spread over ${a.windowSeconds} s:`,
    line('cache uncapped', a.uncapped),
    line(`cache capped at ${a.cache}`, a.capped),
    `  worker peak RSS < 500 MB capped: ${fixed(peak, 0)} MB — ${verdict(peak < 500)}`,
    `  submit p95 capped ≤ 1.5× uncapped: ${fixed(a.capped.submitMs.p95, 0)} ÷ ${fixed(a.uncapped.submitMs.p95, 0)} ms = ` +
      `${fixed(ratio, 2)}× — ${verdict(ratio <= 1.5)}`,
  ].join('\n');
}
