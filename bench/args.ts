import { parseArgs } from 'node:util';
import { z } from 'zod';

/** `npm run bench -- [--quick] [--sizes 100,1000] [--cases 10] [--concurrency 32] [--baseline-runs 3] [--ours-runs 2]`. */
export const BenchArgsSchema = z.object({
  sizes: z
    .array(
      z
        .number()
        .int('unit counts are whole numbers')
        .min(2, 'a campaign needs at least 2 units')
        .max(20_000, 'at most 20,000 units'),
    )
    .min(1),
  cases: z.number().int('must be a whole number').min(0, 'cannot be negative').max(200, 'at most 200 (one import)'),
  concurrency: z.number().int('must be a whole number').min(1, 'must be at least 1').max(512, 'at most 512'),
  out: z.string().min(1),
  summaryTimeout: z.number().min(1, 'wait at least a minute for the summary').max(600),
  baselineRuns: z.number().int('must be a whole number').min(1, 'must be at least 1').max(9, 'at most 9'),
  oursRuns: z.number().int('must be a whole number').min(1, 'must be at least 1').max(9, 'at most 9'),
  arrivals: z.number().min(0, 'cannot be negative').max(3_600, 'at most an hour per round'),
  cache: z.number().int('must be a whole number').min(2, 'must be at least 2').max(100_000),
  rowsOnly: z.boolean(),
  ledger: z
    .number()
    .int('must be a whole number')
    .min(0, 'cannot be negative')
    .max(20_000, 'a unit keeps at most 20,000'),
});
export type BenchArgs = z.infer<typeof BenchArgsSchema>;

export const HELP = `npm run bench -- [options]

For each size, starts a fresh Temporal dev server (in memory, on a free port), runs a bare
Temporal baseline (one minimal workflow per unit taking the same Updates) and then our campaign
(4 phases of 2 reports, cases filed and reconciled, every phase approved, start to summary), each
with its worker in a process of its own. Prints a table and writes the figures as JSON.

  --quick              one small size (20 units), about a minute
  --sizes 100,1000     the unit counts to run (default 100,1000; 5000 takes long)
  --cases N            cases filed per unit (default 10)
  --concurrency N      updates in flight from the load generator (default 32)
  --summary-timeout M  minutes to wait for the summary after the final approval (default 20)
  --baseline-runs N    baseline runs per size (default 3); the median is compared with ours, and
                       every run's rate is printed, because the baseline alone swings by 2× or
                       more from run to run on a small machine
  --ours-runs N        runs of our campaign per size (default 2), on the same server; the run of
                       median throughput (the lower of two) is the one shown, every run's rate too
  --arrivals S         after the sizes, the real-arrivals row at the largest size: every round
                       (a phase's reports, the filing, the tick-off) spread at random over S
                       seconds, as offices hand in over days; our campaign runs twice, the worker's
                       cache uncapped and then capped (default 0: no such row; 60 is a fair value)
  --cache N            the capped run's workflow cache (default 200)
  --rows-only          skip the sizes' table: only the arrivals and ledger rows
  --ledger N           cases one unit imports, lists and exports after the sizes, on a server of
                       its own (default 20,000, the most a unit may keep; 2,000 with --quick; 0 skips)
  --out FILE           where the JSON results go (default bench/results/latest.json)
  --help               this text

Environment: CAMPAIGN_WORKER_MAX_CACHED_WORKFLOWS caps both workers' workflow caches;
BENCH_NODE_ARGS (e.g. --cpu-prof) is passed to the workers' node; BENCH_KEEP=1 keeps the
workers' logs and outboxes after a run that succeeded (one that fails always keeps them).
`;

export class BenchArgsError extends Error {
  override name = 'BenchArgsError';
}

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  quick: { type: 'boolean' },
  'rows-only': { type: 'boolean' },
  sizes: { type: 'string' },
  cases: { type: 'string' },
  concurrency: { type: 'string' },
  'baseline-runs': { type: 'string' },
  'ours-runs': { type: 'string' },
  arrivals: { type: 'string' },
  cache: { type: 'string' },
  'summary-timeout': { type: 'string' },
  ledger: { type: 'string' },
  out: { type: 'string' },
} as const;

/** A flag's value as a number for the schema to judge; a word that is not one is refused here. */
function number(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new BenchArgsError(`--${flag} needs a number, not "${value}"`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; args: string[] }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new BenchArgsError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
  if (values.help) return 'help';
  const given = (flag: keyof typeof OPTIONS, fallback: number): number => {
    const value = values[flag];
    return typeof value === 'string' ? number(flag, value) : fallback;
  };
  const raw = {
    sizes: values.sizes?.split(',').map((s) => number('sizes', s)) ?? (values.quick ? [20] : [100, 1000]),
    cases: given('cases', 10),
    concurrency: given('concurrency', 32),
    out: values.out ?? 'bench/results/latest.json',
    summaryTimeout: given('summary-timeout', 20),
    baselineRuns: given('baseline-runs', 3),
    oursRuns: given('ours-runs', 2),
    arrivals: given('arrivals', 0),
    cache: given('cache', 200),
    rowsOnly: values['rows-only'] === true,
    ledger: given('ledger', values.quick ? 2_000 : 20_000),
  };
  const parsed = BenchArgsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = String(issue?.path[0] ?? 'options').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new BenchArgsError(`--${flag}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}
