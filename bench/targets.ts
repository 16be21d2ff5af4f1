import type { SizeResult } from './figures';

/**
 * Issue #26's targets, judged from one run's figures. Ratios against the bare baseline measured
 * beside it on the same server, so that a slower machine moves both sides.
 */

const fixed = (n: number, digits = 1) => n.toFixed(digits);
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
const percent = (ratio: number) => `${fixed(ratio * 100, 0)}%`;

/** Throughput: ≥ 50% of the baseline from 1,000 units, ≥ 80% below. */
function throughput(r: SizeResult): string {
  const floor = r.units >= 1000 ? 0.5 : 0.8;
  return (
    `throughput at ${r.units} units ≥ ${percent(floor)} of the baseline: ${percent(r.throughputRatio)} ` +
    `(runs: baseline ${r.baselineRuns.map((b) => fixed(b, 0)).join(', ')}/s, ours ${r.oursRuns.map((b) => fixed(b, 0)).join(', ')}/s) — ` +
    verdict(r.throughputRatio >= floor)
  );
}

/** The campaign is not the bottleneck: busy < 30% of the load, status query p95 < 250 ms. */
function campaignNotBottleneck(r: SizeResult): string[] {
  const busy = r.ours.statusWaits.campaignBusyShare;
  const p95 = r.ours.statusQueryMs.p95;
  return [
    `campaign had a task scheduled or running < 30% of the load at ${r.units} units: ${percent(busy)} — ${verdict(busy < 0.3)}`,
    `status query p95 < 250 ms under load at ${r.units} units: ${fixed(p95, 0)} ms — ${verdict(p95 < 250)} ` +
      `(a no-logic query under the same load: ${fixed(r.ours.controlQueryMs.p95, 0)} ms; the published status: ` +
      `${fixed(r.ours.publishedStatusMs.p95, 0)} ms)`,
  ];
}

/** Memory in a burst: the worker's peak at most 1.5× the baseline worker's at the same size. */
function burstMemory(r: SizeResult): string {
  const ours = r.ours.worker.peakRssMb;
  const base = r.baseline.worker.peakRssMb;
  return (
    `worker peak RSS ≤ 1.5× the baseline's at ${r.units} units: ${fixed(ours, 0)} MB ÷ ${fixed(base, 0)} MB = ` +
    `${fixed(ours / base, 2)}× — ${verdict(ours <= 1.5 * base)}`
  );
}

/** Cost linear in units: per-unit CPU and history bytes within 1.2× from the smallest size to the largest. */
function linearCost(results: SizeResult[]): string {
  const first = results[0]!;
  const last = results.at(-1)!;
  const growth = (f: (r: SizeResult) => number) => f(last) / f(first);
  const cpu = growth((r) => (r.ours.worker.cpuSeconds + r.ours.server.cpuSeconds) / r.units);
  const work = growth(
    (r) => (r.ours.toLastApproval.workerCpuSeconds + r.ours.toLastApproval.serverCpuSeconds) / r.units,
  );
  const bytes = growth((r) => r.ours.history.perUnit.bytes);
  const wall = growth((r) => r.ours.wallSeconds / r.units);
  return (
    `cost linear in units (per-unit cost at ${last.units} ÷ at ${first.units} units ≤ 1.2): CPU ${fixed(cpu, 2)} ` +
    `(${fixed(work, 2)} up to the final approval), history bytes ${fixed(bytes, 2)}, wall time ${fixed(wall, 2)} — ` +
    verdict(Math.max(cpu, bytes) <= 1.2)
  );
}

export function targetLines(results: SizeResult[]): string[] {
  const lines = results.map(throughput);
  const large = results.filter((r) => r.units >= 1000);
  if (large.length === 0)
    lines.push('campaign busy share, status p95 and worker memory: judged from 1,000 units, not run');
  for (const r of large) lines.push(...campaignNotBottleneck(r), burstMemory(r));
  if (results.length > 1) lines.push(linearCost(results));
  const biggest = Math.max(...results.map((r) => r.units));
  if (biggest >= 5000) {
    const r = results.find((s) => s.units === biggest)!;
    lines.push(
      `${biggest} units completed within the limits: ${r.ours.summary ? `yes, in ${fixed(r.ours.wallSeconds, 0)} s` : 'NO (no summary)'}`,
    );
  }
  lines.push('memory with real arrivals: the real-arrivals row (--arrivals S), when run');
  return lines;
}
