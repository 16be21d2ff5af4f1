import type { Case } from '../../domain/cases/case-schema';
import type { CaseCounts } from '../../domain/cases/ledger-stats';
import { formatTime } from './format';
import { style } from './style';
import { renderTable } from './table';

const STATUS: Record<Case['status'], string> = {
  open: '办理中 open',
  'closure-submitted': '待销号 awaiting acceptance',
  closed: '已销号 closed',
};

export function caseTable(cases: Case[], view: { nowMs: number; timeZone: string }): string {
  if (cases.length === 0) return style.dim('no cases');
  const rows = cases.map((c) => {
    const overdue = c.status === 'open' && c.dueAtMs < view.nowMs;
    return [
      c.id,
      c.title,
      c.category,
      overdue ? style.red(`${STATUS[c.status]}, overdue`) : STATUS[c.status],
      formatTime(c.dueAtMs, view.timeZone),
      c.nextSteps ? 'yes' : '',
    ];
  });
  const columns = [
    { header: 'case' },
    { header: 'title', max: 30 },
    { header: 'category' },
    { header: 'status' },
    { header: 'deadline' },
    { header: 'next steps' },
  ];
  return renderTable(columns, rows);
}

/** 办结率 as a percentage; "—" with nothing filed (see domain/cases/ledger-stats.ts). */
export function closureRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

export function countsTable(rows: [string, CaseCounts][]): string {
  const columns = [
    { header: '' },
    { header: 'filed', align: 'right' as const },
    { header: 'open', align: 'right' as const },
    { header: 'awaiting', align: 'right' as const },
    { header: 'closed', align: 'right' as const },
    { header: 'overdue', align: 'right' as const },
    { header: '办结率', align: 'right' as const },
  ];
  return renderTable(
    columns,
    rows.map(([name, c]) => [
      name,
      String(c.filed),
      String(c.open),
      String(c.awaitingAcceptance),
      String(c.closed),
      String(c.overdue),
      closureRate(c.closureRate),
    ]),
  );
}
