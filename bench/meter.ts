import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { CpuFigures } from './figures';
import { cpuSecondsOf, type WorkerProcess } from './processes';

export interface CpuReading {
  wallSeconds: number;
  worker: CpuFigures;
  server: CpuFigures;
  loadGenerator: CpuFigures;
  /** Everything else on the machine (other people's tests, say): when high, the figures are noisy. */
  otherProcesses: CpuFigures;
}

/** CPU seconds the whole machine spent busy (Linux /proc/stat: all but idle and iowait). */
function machineBusySeconds(): number {
  try {
    const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU of the three parties from now on: worker, server and this process (the load generator and
 * its status probe). On a shared two-core box, which one is saturated says what limits the run.
 */
export function startMeter(worker: WorkerProcess, serverPid: number | undefined): () => CpuReading {
  const started = performance.now();
  const worker0 = worker.cpuSeconds();
  const server0 = cpuSecondsOf(serverPid);
  const self0 = process.cpuUsage();
  const machine0 = machineBusySeconds();
  return () => {
    const wallSeconds = (performance.now() - started) / 1000;
    const self = process.cpuUsage(self0);
    const figures = (cpuSeconds: number): CpuFigures => ({ cpuSeconds, cores: cpuSeconds / wallSeconds });
    const reading = {
      wallSeconds,
      worker: figures(worker.cpuSeconds() - worker0),
      server: figures(cpuSecondsOf(serverPid) - server0),
      loadGenerator: figures((self.user + self.system) / 1e6),
    };
    const ours = reading.worker.cpuSeconds + reading.server.cpuSeconds + reading.loadGenerator.cpuSeconds;
    return { ...reading, otherProcesses: figures(Math.max(0, machineBusySeconds() - machine0 - ours)) };
  };
}
