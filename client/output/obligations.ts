import type { ObligationRow } from '../../domain/unit/unit-progress';
import { formatDuration, formatTime } from './format';
import { style } from './style';
import { renderTable } from './table';

const STATE_LABEL: Record<ObligationRow['state'], (text: string) => string> = {
  open: (t) => t,
  overdue: style.red,
  'on-time': style.green,
  late: style.yellow,
  missing: style.red,
};

function when(row: ObligationRow, nowMs: number): string {
  if (row.state === 'open') return `in ${formatDuration(row.dueMs - nowMs)}`;
  if (row.state === 'overdue') return style.red(`${formatDuration(nowMs - row.dueMs)} overdue`);
  if (row.state === 'late') return `late by ${formatDuration(row.lateByMs ?? 0)}`;
  return '';
}

/** One row per deliverable a unit owes; overdue ones stand out in red on a terminal. */
export function obligationTable(rows: ObligationRow[], view: { nowMs: number; timeZone: string }): string {
  return renderTable(
    [
      { header: 'deliverable' },
      { header: 'title', max: 36 },
      { header: 'phase' },
      { header: 'due' },
      { header: 'state' },
      { header: 'when' },
      { header: 'esc', align: 'right' },
    ],
    rows.map((row) => [
      row.key,
      row.title,
      row.phaseName,
      formatTime(row.dueMs, view.timeZone),
      (STATE_LABEL[row.state] ?? ((t: string) => t))(row.state),
      when(row, view.nowMs),
      row.escalationStep > 0 ? String(row.escalationStep) : '',
    ]),
  );
}
