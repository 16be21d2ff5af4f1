import { DAY_MS } from '../clock/time-units';
import type { ObligationRow } from '../unit/unit-progress';

/**
 * The colours of the leaders' unit × deliverable grid: green on time, yellow due soon, red overdue
 * (or submitted late, or missing), grey not yet due. The grid and the CLI's per-unit table read the
 * same obligation rows (domain/unit/unit-progress.ts); this only decides how a cell looks.
 */
export type GridColour = 'green' | 'yellow' | 'red' | 'grey';

/** Within this long of its due time an open report counts as "due soon". */
export const DUE_SOON_MS = 3 * DAY_MS;

export type GridRow = Pick<
  ObligationRow,
  'key' | 'deliverableId' | 'phaseId' | 'title' | 'state' | 'dueMs' | 'escalationStep' | 'lateByMs'
>;

export function cellColour(row: Pick<GridRow, 'state' | 'dueMs'>, nowMs: number, soonMs = DUE_SOON_MS): GridColour {
  switch (row.state) {
    case 'on-time':
      return 'green';
    case 'late':
    case 'overdue':
    case 'missing':
      return 'red';
    case 'open':
      // An open report past its due time is overdue even if the unit's last report says open.
      if (nowMs > row.dueMs) return 'red';
      return row.dueMs - nowMs <= soonMs ? 'yellow' : 'grey';
  }
}

/** How pressing a row is, for choosing which occurrence of a recurring deliverable a cell shows. */
function urgency(row: GridRow, nowMs: number, soonMs: number): number {
  const colour = cellColour(row, nowMs, soonMs);
  if (colour === 'red' && row.state !== 'late') return 4;
  if (colour === 'yellow') return 3;
  if (row.state === 'late') return 2;
  return colour === 'grey' ? 1 : 0;
}

export interface GridCell {
  colour: GridColour;
  /** The occurrence shown: the most pressing one (overdue before due soon before done). */
  row: GridRow;
  /** Occurrences of this deliverable the unit owes so far (a weekly report owes several). */
  occurrences: number;
  /** Escalation step reached by the shown occurrence; 0 before the first. */
  step: number;
}

export interface GridColumn {
  deliverableId: string;
  phaseId: string;
  title: string;
}

export interface GridUnit {
  unitId: string;
  unitName: string;
  rows: readonly GridRow[];
}

export interface Grid {
  columns: GridColumn[];
  rows: { unitId: string; unitName: string; cells: (GridCell | undefined)[] }[];
  counts: Record<GridColour, number>;
}

function pickCell(rows: GridRow[], nowMs: number, soonMs: number): GridCell | undefined {
  let best: GridRow | undefined;
  for (const row of rows) {
    const better =
      best === undefined ||
      urgency(row, nowMs, soonMs) > urgency(best, nowMs, soonMs) ||
      // Same urgency: the earliest due among the pressing, the latest among the done.
      (urgency(row, nowMs, soonMs) === urgency(best, nowMs, soonMs) &&
        (urgency(row, nowMs, soonMs) >= 3 ? row.dueMs < best.dueMs : row.dueMs > best.dueMs));
    if (better) best = row;
  }
  return (
    best && { colour: cellColour(best, nowMs, soonMs), row: best, occurrences: rows.length, step: best.escalationStep }
  );
}

/**
 * One row per unit, one column per deliverable (in the order the units first owe them); a cell is
 * empty where the unit owes nothing of that deliverable (it is not among `owedBy`, or its phase has
 * not opened for it).
 */
export function deliverableGrid(units: readonly GridUnit[], nowMs: number, soonMs = DUE_SOON_MS): Grid {
  const columns: GridColumn[] = [];
  const seen = new Set<string>();
  for (const unit of units)
    for (const row of unit.rows) {
      const id = `${row.phaseId}/${row.deliverableId}`;
      if (seen.has(id)) continue;
      seen.add(id);
      columns.push({ deliverableId: row.deliverableId, phaseId: row.phaseId, title: row.title });
    }
  const counts: Record<GridColour, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  const rows = units.map((unit) => {
    const cells = columns.map((column) => {
      const owed = unit.rows.filter((r) => r.deliverableId === column.deliverableId && r.phaseId === column.phaseId);
      const cell = pickCell(owed, nowMs, soonMs);
      if (cell) counts[cell.colour] += 1;
      return cell;
    });
    return { unitId: unit.unitId, unitName: unit.unitName, cells };
  });
  return { columns, rows, counts };
}
