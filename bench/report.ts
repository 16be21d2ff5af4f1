import os from 'node:os';
import type { RunFigures, SizeResult } from './figures';

const fixed = (n: number | undefined, digits = 1) => (n === undefined ? '-' : n.toFixed(digits));

function row(label: string, r: RunFigures): string[] {
  return [
    label,
    String(r.units),
    fixed(r.wallSeconds),
    String(r.submissions),
    fixed(r.submissionsPerSecond),
    `${fixed(r.submitMs.p50, 0)}/${fixed(r.submitMs.p95, 0)}/${fixed(r.submitMs.p99, 0)}`,
    r.statusQueryMs
      ? `${fixed(r.statusQueryMs.p50, 0)}/${fixed(r.statusQueryMs.p95, 0)}/${fixed(r.statusQueryMs.p99, 0)}`
      : '-',
    fixed(r.workerPeakRssMb, 0),
    `${fixed(r.workerCpuSeconds / r.wallSeconds, 2)}/${fixed(r.serverCpuSeconds / r.wallSeconds, 2)}`,
    r.unitHistory ? `${fixed(r.unitHistory.events, 0)} ev` : '-',
    r.historyBytesPerUnit === undefined ? '-' : `${fixed(r.historyBytesPerUnit / 1024, 1)} KB`,
  ];
}

export function resultTable(results: SizeResult[]): string {
  const header = [
    'run',
    'units',
    'wall s',
    'updates',
    'upd/s',
    'update ms p50/95/99',
    'status ms p50/95/99',
    'worker MB',
    'cores wkr/srv',
    'unit history',
    'history/unit',
  ];
  const rows = results.flatMap((r) => [row('ours', r.ours), row('baseline', r.baseline)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  const ratios = results.map(
    (r) =>
      `${r.units} units: throughput ours ÷ baseline ${fixed(r.throughputRatio * 100, 0)}%, p95 latency ours ÷ baseline ${fixed(r.p95Ratio, 2)}×` +
      (r.ours.caseUpdates ? `; ${r.ours.caseUpdates} case updates at ${fixed(r.ours.caseUpdatesPerSecond)}/s` : ''),
  );
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', ...ratios].join('\n');
}

export function machine(serverVersion: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    temporal: serverVersion,
    date: new Date().toISOString(),
  };
}
