import { describe, expect, it } from 'vitest';
import { scheduleArrivals } from '../../bench/arrivals';

describe('spread arrivals', () => {
  const units = Array.from({ length: 1000 }, (_, i) => `unit-${i + 1}`);

  it('gives every item one moment within the window, earliest first, the same for the same seed', () => {
    const schedule = scheduleArrivals(units, 60_000, 42);
    expect(schedule.map((s) => s.item).sort()).toEqual([...units].sort());
    expect(schedule.every((s) => s.atMs >= 0 && s.atMs < 60_000)).toBe(true);
    expect(schedule.map((s) => s.atMs)).toEqual([...schedule.map((s) => s.atMs)].sort((a, b) => a - b));
    expect(scheduleArrivals(units, 60_000, 42)).toEqual(schedule);
    expect(scheduleArrivals(units, 60_000, 43)).not.toEqual(schedule);
  });

  it('scatters the roster: neither the first units nor any one second take the round', () => {
    const schedule = scheduleArrivals(units, 60_000, 7);
    const firstHundred = schedule.slice(0, 100).map((s) => Number(s.item.split('-')[1]));
    expect(Math.max(...firstHundred)).toBeGreaterThan(500);
    const perSecond = new Map<number, number>();
    for (const { atMs } of schedule)
      perSecond.set(Math.floor(atMs / 1000), (perSecond.get(Math.floor(atMs / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(40);
  });
});
