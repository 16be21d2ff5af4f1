import { z } from 'zod';

/** `npm run bench -- [--quick] [--sizes 100,1000] [--cases 10] [--concurrency 32]`. */
export const BenchArgsSchema = z.object({
  sizes: z.array(z.number().int().min(2, 'a campaign needs at least 2 units').max(20_000)).min(1),
  cases: z.number().int().min(0).max(200),
  concurrency: z.number().int().min(1).max(512),
  out: z.string().min(1),
});
export type BenchArgs = z.infer<typeof BenchArgsSchema>;

export const HELP = `npm run bench -- [options]

Runs campaigns of each size on a fresh local Temporal dev server, side by side with a bare
Temporal baseline (one minimal workflow per unit taking the same Updates), and prints figures.

  --quick              one small size (20 units), about a minute
  --sizes 100,1000     the unit counts to run (default 100,1000; 5000 takes long)
  --cases N            cases filed per unit (default 10)
  --concurrency N      updates in flight from the load generator (default 32)
  --out FILE           where the JSON results go (default bench/results/latest.json)
  --help               this text
`;

export class BenchArgsError extends Error {
  override name = 'BenchArgsError';
}

function number(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n)) throw new BenchArgsError(`${flag} needs a number`);
  return n;
}

export function parseBenchArgs(argv: string[]): BenchArgs | 'help' {
  const raw = { sizes: [100, 1000], cases: 10, concurrency: 32, out: 'bench/results/latest.json' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--help':
      case '-h':
        return 'help';
      case '--quick':
        raw.sizes = [20];
        break;
      case '--sizes':
        raw.sizes = (value ?? '').split(',').map((s) => number('--sizes', s.trim()));
        i++;
        break;
      case '--cases':
        raw.cases = number(flag, value);
        i++;
        break;
      case '--concurrency':
        raw.concurrency = number(flag, value);
        i++;
        break;
      case '--out':
        raw.out = value ?? '';
        i++;
        break;
      default:
        throw new BenchArgsError(`unknown option ${String(flag)} (see --help)`);
    }
  }
  const parsed = BenchArgsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BenchArgsError(`--${String(issue?.path[0] ?? 'options')}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
