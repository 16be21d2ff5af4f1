import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../domain/clock/time-units';
import { MIN_BAR_PCT, timelineGeometry } from '../../../domain/console/timeline-geometry';

const T0 = Date.UTC(2026, 3, 14);

describe('phase timeline geometry', () => {
  const phases = [
    { id: 'survey', name: '排查建档', status: 'closed' as const, startMs: T0, endMs: T0 + 10 * DAY_MS },
    { id: 'fix', name: '化解整治', status: 'open' as const, startMs: T0 + 10 * DAY_MS, endMs: T0 + 30 * DAY_MS },
    { id: 'review', name: '总结验收', status: 'pending' as const, startMs: T0 + 30 * DAY_MS, endMs: T0 + 40 * DAY_MS },
  ];

  it('places each phase as a share of the whole span', () => {
    const g = timelineGeometry(phases, T0 + 20 * DAY_MS);
    expect(g?.bars.map((b) => [b.leftPct, b.widthPct])).toEqual([
      [0, 25],
      [25, 50],
      [75, 25],
    ]);
  });

  it("puts today's line where today falls", () => {
    expect(timelineGeometry(phases, T0 + 20 * DAY_MS)?.todayPct).toBe(50);
  });

  it('draws no line for a today outside the span', () => {
    expect(timelineGeometry(phases, T0 - DAY_MS)?.todayPct).toBeUndefined();
    expect(timelineGeometry(phases, T0 + 41 * DAY_MS)?.todayPct).toBeUndefined();
  });

  it('keeps a phase with no dates yet as a bar without a place', () => {
    const g = timelineGeometry([...phases, { id: 'later', name: '巩固', status: 'pending' }], T0);
    expect(g?.bars[3]).toEqual({ id: 'later', name: '巩固', status: 'pending', awaitingApproval: false });
  });

  it('gives a very short phase a bar wide enough to see, still inside the span', () => {
    const g = timelineGeometry(
      [
        ...phases,
        { id: 'meeting', name: '推进会', status: 'pending', startMs: T0 + 40 * DAY_MS, endMs: T0 + 40 * DAY_MS },
      ],
      T0,
    );
    const bar = g?.bars[3];
    expect(bar?.widthPct).toBe(MIN_BAR_PCT);
    expect((bar?.leftPct ?? 0) + (bar?.widthPct ?? 0)).toBeLessThanOrEqual(100);
  });

  it('has nothing to draw when no phase has dates', () => {
    expect(timelineGeometry([{ id: 'a', name: 'A', status: 'pending' }], T0)).toBeUndefined();
  });
});
