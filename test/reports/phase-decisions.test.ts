import { describe, expect, it } from 'vitest';
import { phaseDecisions } from '../../activities/reports/phase-decisions';
import type { PhaseRecord } from '../../domain/campaign/campaign-state';

const at = (iso: string) => Date.parse(iso);

describe('phase decisions in the final report', () => {
  it('puts every return and approval in time order, in names a reader knows', () => {
    const phases: PhaseRecord[] = [
      {
        id: 'investigate',
        name: '排查建档',
        gate: 'approval',
        status: 'closed',
        approvedBy: 'leader:head',
        approvalComment: '同意，进入下一阶段',
        closedAtMs: at('2026-04-22T02:00:00Z'),
        returns: [
          {
            units: ['town-a'],
            deliverables: ['ledger'],
            reason: '台帐缺包案领导',
            newDueMs: at('2026-04-21T10:00:00Z'),
            by: 'office',
            atMs: at('2026-04-20T02:00:00Z'),
          },
        ],
      },
      { id: 'mobilise', name: '宣传发动', gate: 'window-end', status: 'closed', returns: [] },
    ];
    const names = {
      actor: (a: string) => ({ 'leader:head': '王组长', office: '县信访局' })[a] ?? a,
      unit: (u: string) => ({ 'town-a': '城关镇' })[u] ?? u,
      deliverable: (d: string) => ({ ledger: '台帐' })[d] ?? d,
    };
    expect(phaseDecisions(phases, names)).toEqual([
      {
        phaseName: '排查建档',
        kind: 'returned',
        by: '县信访局',
        at: '2026-04-20T02:00:00.000Z',
        text: '台帐缺包案领导',
        units: ['城关镇'],
        deliverables: ['台帐'],
        newDueAt: '2026-04-21T10:00:00.000Z',
      },
      {
        phaseName: '排查建档',
        kind: 'approved',
        by: '王组长',
        at: '2026-04-22T02:00:00.000Z',
        text: '同意，进入下一阶段',
        units: [],
        deliverables: [],
      },
    ]);
  });
});
