import { describe, expect, it } from 'vitest';
import { statusWaits } from '../../bench/status-wait';

describe('what slow status answers were asked behind', () => {
  // Two short campaign tasks and one replay of two seconds, in ms from an arbitrary origin.
  const spans = [
    { fromMs: 1_000, toMs: 1_100 },
    { fromMs: 1_050, toMs: 1_200 },
    { fromMs: 5_000, toMs: 7_000 },
  ];

  it('tells answers asked during a task, and during a long one, from the rest', () => {
    const figures = statusWaits(
      {
        sentAtMs: [0, 1_060, 1_150, 3_000, 5_500, 9_000],
        latenciesMs: [20, 300, 90, 400, 1_500, 150],
      },
      spans,
    );
    expect(figures).toMatchObject({ slow: 4, thresholdMs: 100, askedDuringTask: 2, askedDuringLongTask: 1 });
  });

  it('counts overlapping tasks once in the share of time the campaign was busy', () => {
    const figures = statusWaits({ sentAtMs: [0, 10_000], latenciesMs: [10, 10] }, spans);
    // 1,000–1,200 and 5,000–7,000: 2,200 ms of 10,000.
    expect(figures.campaignBusyShare).toBeCloseTo(0.22);
    expect(figures.slow).toBe(0);
  });
});
