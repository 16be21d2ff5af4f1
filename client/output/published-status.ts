import type { PublishedStatusView } from '../status/read-published-status';
import { NO_CREDENTIALS_LINE, stateWord } from './campaign-status';
import { formatDuration, formatTime, plural } from './format';
import { style } from './style';

/** The campaign at a glance, as it last published itself: what a leader checks between meetings. */
export function renderPublishedStatus(view: PublishedStatusView): string {
  const time = (ms: number | undefined) => formatTime(ms, view.timeZone);
  const lines = [
    `${style.bold(view.title)} (${view.campaignId}) — ${stateWord(view)}`,
    // The campaign publishes every change within seconds: an old publication means a quiet campaign.
    ...(view.credentials ? [] : [style.yellow(NO_CREDENTIALS_LINE)]),
    `published      at its last change, ${formatDuration(view.ageMs)} ago (plan time ${time(view.asOfMs)}, ${view.timeZone})`,
  ];
  const phase = view.currentPhase;
  if (phase) {
    const window = phase.window
      ? `${time(phase.window.startMs)} → ${time(phase.window.endMs)}`
      : 'window not fixed yet';
    const gate = phase.awaitingApproval ? style.yellow(', closes when the leading group approves') : '';
    lines.push(`phase          ${phase.name} (${phase.id}), ${window}${gate}`);
  } else if (view.status === 'running') {
    lines.push('phase          none open (between phases)');
  }
  if (view.nextDeadline) {
    const next = view.nextDeadline;
    lines.push(`next deadline  ${next.title}, due ${time(next.dueMs)} — in ${formatDuration(next.dueMs - view.nowMs)}`);
  }
  const t = view.totals;
  lines.push(
    `reports        ${t.owed} owed by ${plural(view.units, 'unit')}: ${t.onTime} on time, ${t.late} late, ${t.open} open, ${t.missing} missing; ${view.accountabilityMarks} accountability mark(s)`,
  );
  const late = view.overdue;
  if (late.count === 0) lines.push('overdue        none');
  else {
    lines.push(style.red(`overdue        ${late.count} report(s) from ${plural(late.units, 'unit')}, longest first:`));
    for (const o of late.first) {
      lines.push(
        `  ${o.unitName} (${o.unitId}): ${o.title}, due ${time(o.dueMs)}, late ${formatDuration(view.nowMs - o.dueMs)}`,
      );
    }
    if (late.count > late.first.length)
      lines.push(`  … and ${late.count - late.first.length} more: \`campaign overdue ${view.campaignId}\``);
  }
  const c = view.cases;
  const rate = c.closureRate === null ? '—' : `${Math.round(c.closureRate * 100)}%`;
  lines.push(
    `cases          ${c.filed} filed: ${c.closed} closed (办结率 ${rate}), ${c.open} open, ${c.overdue} overdue`,
  );
  return lines.join('\n');
}
