import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unitWorkflowId } from '../contracts';
import { bigLedgerCsv, bigLedgerRows } from './ledger-rows';
import { startWorkerProcess, whileAlive } from './processes';
import type { RunContext } from './run-context';
import { workflowTaskFigures, type WorkflowTaskFigures } from './workflow-tasks';

const BIN = path.resolve(__dirname, '../bin/campaign.js');

/** One unit keeping the most cases a unit may: how long each step took, and its longest workflow task. */
export interface LedgerFigures {
  cases: number;
  importSeconds: number;
  listSeconds: number;
  exportSeconds: number;
  /** Every workflow task of the unit, over all its runs, import to export. */
  unitTasks: WorkflowTaskFigures;
  runs: number;
}

function planYaml(id: string): string {
  return [
    `campaign: { id: ${id}, title: 大台帐, organiser: 县信访局 }`,
    'leadingGroup:',
    '  head: { id: head, name: 组长, email: head@example.org }',
    'office: { id: office, name: 县信访局, email: office@example.org }',
    'units:',
    '  - { id: town-a, name: 甲镇, head: { name: 甲镇主要领导, email: head-a@example.org }, contact: { name: 甲镇联络员, email: a@example.org } }',
    'phases:',
    '  - { id: resolve, name: 集中化解, window: { start: 2026-04-12, end: 2026-06-30 }, gate: approval, casesFiling: true }',
    '',
  ].join('\n');
}

/** The real binary, as an office runs it; seconds it took, or it throws with what it printed. */
function cli(env: Record<string, string>, args: string[]): Promise<{ seconds: number; stdout: string }> {
  const began = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) resolve({ seconds: (performance.now() - began) / 1000, stdout });
      else reject(new Error(`campaign ${args.slice(0, 2).join(' ')} exited ${code}: ${err.slice(0, 500)}`));
    });
  });
}

/** A rehearsal with one unit: import `cases` rows from one CSV, list them all, export them all. */
export async function runBigLedger(cases: number, ctx: Omit<RunContext, 'taskQueue'>): Promise<LedgerFigures> {
  const id = `bench-ledger-${cases}-${Date.now()}`;
  const dataDir = fs.mkdtempSync(path.join(ctx.workDir, 'ledger-data-'));
  const taskQueue = `bench-ledger-${id}`;
  const env = { TEMPORAL_ADDRESS: ctx.address, CAMPAIGN_DATA_DIR: dataDir, SMTP_URL: '', NO_COLOR: '1' };
  const worker = await startWorkerProcess(ctx.client, {
    entry: [BIN, 'worker'],
    env,
    taskQueue,
    logFile: path.join(ctx.workDir, `ledger-${cases}-worker.log`),
  });
  // The ledger steps and the figures; given up at once should the worker die.
  const importListExport = async () => {
    const run = { ...env, TEMPORAL_TASK_QUEUE: taskQueue };
    const file = (name: string) => path.join(dataDir, name);
    fs.writeFileSync(file('plan.yaml'), planYaml(id));
    fs.writeFileSync(file('ledger.csv'), bigLedgerCsv(bigLedgerRows(cases), '甲镇', '副县长', '2026-06-15'));
    await cli(run, ['start', file('plan.yaml'), '--rehearsal-day', '600']);
    ctx.log(`ledger: importing ${cases} rows into one unit...`);
    const imported = await cli(run, ['case', 'import', id, file('ledger.csv')]);
    const listed = await cli(run, ['case', 'list', id, '--unit', 'town-a', '--json']);
    const count = (JSON.parse(listed.stdout) as unknown[]).length;
    if (count !== cases) throw new Error(`case list gave ${count} cases, not ${cases}`);
    const exported = await cli(run, ['ledger', 'export', id, file('export.csv'), '--unit', 'town-a']);
    const workflowId = unitWorkflowId(id, 'town-a');
    const { figures } = await workflowTaskFigures(ctx.client, workflowId);
    let runs = 0;
    for await (const _ of ctx.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) runs += 1;
    return {
      cases,
      importSeconds: imported.seconds,
      listSeconds: listed.seconds,
      exportSeconds: exported.seconds,
      unitTasks: figures,
      runs,
    };
  };
  try {
    return await whileAlive(worker, importListExport());
  } finally {
    await worker.stop();
  }
}
