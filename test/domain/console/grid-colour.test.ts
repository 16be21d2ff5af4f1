import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from '../../../domain/clock/time-units';
import { cellColour, deliverableGrid, type GridRow } from '../../../domain/console/grid-colour';

const NOW = Date.UTC(2026, 3, 20, 2);

function row(overrides: Partial<GridRow>): GridRow {
  return {
    key: 'list',
    deliverableId: 'list',
    phaseId: 'survey',
    title: '排查清单',
    state: 'open',
    dueMs: NOW + 10 * DAY_MS,
    escalationStep: 0,
    ...overrides,
  };
}

describe('grid colour of one cell', () => {
  it.each([
    ['on time', row({ state: 'on-time', dueMs: NOW - DAY_MS }), 'green'],
    ['submitted late', row({ state: 'late', dueMs: NOW - DAY_MS, lateByMs: HOUR_MS }), 'red'],
    ['overdue', row({ state: 'overdue', dueMs: NOW - HOUR_MS }), 'red'],
    ['missing', row({ state: 'missing', dueMs: NOW - 5 * DAY_MS }), 'red'],
    ['open, due in two days', row({ dueMs: NOW + 2 * DAY_MS }), 'yellow'],
    ['open, due in exactly three days', row({ dueMs: NOW + 3 * DAY_MS }), 'yellow'],
    ['open, due in ten days', row({ dueMs: NOW + 10 * DAY_MS }), 'grey'],
    ['open but past due since the last report', row({ dueMs: NOW - 1 }), 'red'],
  ])('%s', (_name, cell, colour) => {
    expect(cellColour(cell, NOW)).toBe(colour);
  });

  it('takes the due-soon window it is given', () => {
    expect(cellColour(row({ dueMs: NOW + 5 * DAY_MS }), NOW, 7 * DAY_MS)).toBe('yellow');
  });
});

describe('unit × deliverable grid', () => {
  const units = [
    {
      unitId: 'town-a',
      unitName: '甲镇',
      rows: [
        row({ state: 'on-time', dueMs: NOW - DAY_MS }),
        row({ key: 'weekly@1', deliverableId: 'weekly', title: '周报', state: 'on-time', dueMs: NOW - 8 * DAY_MS }),
        row({
          key: 'weekly@2',
          deliverableId: 'weekly',
          title: '周报',
          state: 'overdue',
          dueMs: NOW - DAY_MS,
          escalationStep: 2,
        }),
        row({ key: 'weekly@3', deliverableId: 'weekly', title: '周报', dueMs: NOW + 6 * DAY_MS }),
      ],
    },
    { unitId: 'town-b', unitName: '乙镇', rows: [row({ dueMs: NOW + DAY_MS })] },
  ];

  it('has one column per deliverable, in the order units first owe them', () => {
    const grid = deliverableGrid(units, NOW);
    expect(grid.columns.map((c) => c.deliverableId)).toEqual(['list', 'weekly']);
  });

  it('shows the most pressing occurrence of a recurring deliverable, with its escalation step', () => {
    const cell = deliverableGrid(units, NOW).rows[0]?.cells[1];
    expect(cell).toMatchObject({ colour: 'red', occurrences: 3, step: 2, row: { key: 'weekly@2' } });
  });

  it('leaves a cell empty where the unit owes nothing of that deliverable', () => {
    const grid = deliverableGrid(units, NOW);
    expect(grid.rows[1]?.cells[0]?.colour).toBe('yellow');
    expect(grid.rows[1]?.cells[1]).toBeUndefined();
  });

  it('counts the cells of each colour', () => {
    expect(deliverableGrid(units, NOW).counts).toEqual({ green: 1, yellow: 1, red: 1, grey: 0 });
  });

  it('shows the latest done occurrence when all are done', () => {
    const done = [
      {
        unitId: 'u',
        unitName: 'U',
        rows: [
          row({ key: 'w@1', state: 'late', dueMs: NOW - 8 * DAY_MS }),
          row({ key: 'w@2', state: 'on-time', dueMs: NOW - DAY_MS }),
        ],
      },
    ];
    // A late one outweighs a later on-time one: the grid keeps the lapse visible.
    expect(deliverableGrid(done, NOW).rows[0]?.cells[0]).toMatchObject({ colour: 'red', row: { key: 'w@1' } });
  });
});
