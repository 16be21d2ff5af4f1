import type { CampaignStatus } from '../../domain/campaign/campaign-status';
import { formatDuration, formatTime } from './format';
import { style } from './style';
import { renderTable } from './table';

export type StatusView = CampaignStatus & { rehearsal: boolean };

/** "running (reminders paused) [rehearsal]", coloured: how every status view names the campaign's state. */
/** The line every view of a campaign started with --no-credentials shows. */
export const NO_CREDENTIALS_LINE = `credentials    none: anyone who reaches Temporal may act (a rehearsal started with --no-credentials)`;

export function stateWord(status: Pick<StatusView, 'status' | 'paused' | 'rehearsal'>): string {
  const word =
    status.status === 'running'
      ? style.green('running')
      : status.status === 'cancelled'
        ? style.red('cancelled')
        : style.cyan(status.status);
  return `${word}${status.paused ? style.yellow(' (reminders paused)') : ''}${status.rehearsal ? style.yellow(' [rehearsal]') : ''}`;
}

/** The overview a leader reads first: where the campaign is, what comes next, who lags. */
export function renderCampaignStatus(status: StatusView): string {
  const time = (ms: number | undefined) => formatTime(ms, status.timeZone);
  const phase = status.currentPhase;
  const lines = [
    `${style.bold(status.title)} (${status.campaignId}) — ${stateWord(status)}`,
    `plan time      ${time(status.nowMs)} (${status.timeZone})`,
  ];
  if (phase) {
    const window = phase.window
      ? `${time(phase.window.startMs)} → ${time(phase.window.endMs)}`
      : 'window not fixed yet';
    const gate = phase.gate === 'approval' ? style.yellow(', closes when the leading group approves') : '';
    lines.push(`phase          ${phase.name} (${phase.id}), ${window}${gate}`);
  } else if (
    status.status === 'running' &&
    status.windowEndMs !== undefined &&
    status.phases.every((p) => p.status === 'closed')
  ) {
    lines.push(`phase          all closed; the campaign runs until its window ends at ${time(status.windowEndMs)}`);
  } else if (status.status === 'running') {
    lines.push('phase          none open (between phases)');
  }
  if (status.nextDeadline) {
    const next = status.nextDeadline;
    lines.push(`next deadline  ${next.title}, due ${time(next.dueMs)} — in ${formatDuration(next.inMs)}`);
  }
  if (status.cancelled) lines.push(style.red(`cancelled by ${status.cancelled.by}: ${status.cancelled.reason}`));
  const t = status.totals;
  lines.push(
    `reports        ${t.owed} owed: ${t.onTime} on time, ${t.late} late, ${t.open} open (${t.overdue} overdue), ${t.missing} missing; ${status.accountabilityMarks} accountability mark(s)`,
  );
  // A phase report reissued after late-due or late reports came in: which revision is the one to read.
  const revised = status.phases.filter((p) => (p.report?.revision ?? 1) > 1);
  if (revised.length > 0) {
    const which = revised.map((p) => `${p.name} revision ${p.report!.revision} (${time(p.report!.issuedAtMs)})`);
    lines.push(`phase reports  current: ${which.join('; ')}; earlier revisions are replaced`);
  }
  lines.push('', unitSummaryTable(status));
  return lines.join('\n');
}

export function unitSummaryTable(status: StatusView): string {
  const count = (n: number, paint: (text: string) => string) => (n > 0 ? paint(String(n)) : '0');
  return renderTable(
    [
      { header: 'unit' },
      { header: 'name', max: 24 },
      { header: 'owed', align: 'right' },
      { header: 'on time', align: 'right' },
      { header: 'late', align: 'right' },
      { header: 'open', align: 'right' },
      { header: 'overdue', align: 'right' },
      { header: 'missing', align: 'right' },
      { header: 'marks', align: 'right' },
    ],
    status.units.map((u) => [
      u.unitId,
      u.unitName,
      String(u.counts.owed),
      count(u.counts.onTime, style.green),
      count(u.counts.late, style.yellow),
      String(u.counts.open),
      count(u.overdue, style.red),
      count(u.counts.missing, style.red),
      count(u.marks, style.red),
    ]),
  );
}
