import { describe, expect, it } from 'vitest';
import { BenchArgsError, parseBenchArgs } from '../../bench/args';

describe("the benchmark's flags", () => {
  it('defaults to 100 and 1,000 units, three baseline runs and two of ours', () => {
    expect(parseBenchArgs([])).toMatchObject({
      sizes: [100, 1000],
      baselineRuns: 3,
      oursRuns: 2,
      ledger: 20_000,
      arrivals: 0,
      rowsOnly: false,
    });
  });

  it('takes --quick and explicit values, in either spelling parseArgs knows', () => {
    expect(parseBenchArgs(['--quick'])).toMatchObject({ sizes: [20], ledger: 2_000 });
    expect(parseBenchArgs(['--sizes', '100, 5000', '--ours-runs=3', '--ledger', '0'])).toMatchObject({
      sizes: [100, 5000],
      oursRuns: 3,
      ledger: 0,
    });
    expect(parseBenchArgs(['--sizes', '1000', '--rows-only', '--arrivals', '90', '--cache', '150'])).toMatchObject({
      sizes: [1000],
      rowsOnly: true,
      arrivals: 90,
      cache: 150,
    });
    expect(parseBenchArgs(['-h'])).toBe('help');
  });

  it('refuses a bad value naming the flag, and an unknown flag', () => {
    expect(() => parseBenchArgs(['--sizes', '100,lots'])).toThrow(
      new BenchArgsError('--sizes needs a number, not "lots"'),
    );
    expect(() => parseBenchArgs(['--ours-runs', '0'])).toThrow('--ours-runs: must be at least 1.');
    expect(() => parseBenchArgs(['--sizes', '1'])).toThrow('--sizes: a campaign needs at least 2 units.');
    expect(() => parseBenchArgs(['--bogus'])).toThrow(/Unknown option '--bogus'/);
  });
});
