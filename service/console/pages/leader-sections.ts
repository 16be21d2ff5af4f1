import type { OverdueRow } from '../../../domain/campaign/campaign-status';
import type { Grid, GridCell } from '../../../domain/console/grid-colour';
import { timelineGeometry, type TimelinePhase } from '../../../domain/console/timeline-geometry';
import { casesChart } from '../chart';
import { duration, percent, when } from '../format';
import { html, type Html } from '../html';
import { t, type Lang, type Words } from '../i18n';
import type { GlanceModel, UnitCases } from '../view-models';

export function glanceSection(g: GlanceModel, lang: Lang): Html {
  const w = t(lang);
  const status = g.status === 'running' ? w.running : g.status === 'completed' ? w.completed : w.cancelled;
  const phase = g.currentPhase;
  return html`<section class="card" data-test="glance">
    <h1>${g.title}</h1>
    <p class="muted" data-test="published">
      ${w.published} ${when(g.asOfMs, g.timeZone)} (${w.planTime}, ${g.timeZone}) · ${duration(g.ageMs, lang)}
      ${lang === 'zh' ? '前' : 'ago'} · ${w.refreshing}
    </p>
    <div class="figures">
      <div class="figure">
        ${w.status}<b>${status}${g.rehearsal ? ` · ${w.rehearsal}` : ''}${g.paused ? ` · ${w.paused}` : ''}</b>
      </div>
      <div class="figure">
        ${w.currentPhase}<b>${phase ? phase.name : w.none}</b>${phase?.awaitingApproval ? html`<span class="yellow">${w.awaitingApproval}</span>` : ''}
      </div>
      <div class="figure">
        ${w.totals}<b>${g.totals.onTime}/${g.totals.owed}</b>${w.onTime} · ${w.late} ${g.totals.late} · ${w.missing}
        ${g.totals.missing}
      </div>
      <div class="figure ${g.overdue.count > 0 ? 'red' : ''}">
        ${w.overdueCount}<b>${g.overdue.count}</b>${g.overdue.units} ${w.unitsLate}
      </div>
      <div class="figure">
        ${w.closureRate}<b>${percent(g.cases.closureRate)}</b>${w.filed} ${g.cases.filed} · ${w.closed}
        ${g.cases.closed}
      </div>
      <div class="figure">${w.marks}<b>${g.accountabilityMarks}</b></div>
    </div>
  </section>`;
}

function phaseWord(p: { status: TimelinePhase['status'] }, w: Words): string {
  return p.status === 'open' ? w.phaseOpen : p.status === 'closed' ? w.phaseClosed : w.phasePending;
}

export function timelineSection(phases: readonly TimelinePhase[], nowMs: number, timeZone: string, lang: Lang): Html {
  const w = t(lang);
  const g = timelineGeometry(phases, nowMs);
  if (!g) return html``;
  return html`<section class="card" data-test="timeline">
    <h2>${w.timeline}</h2>
    <div class="timeline">
      ${g.bars.map((b) =>
        b.leftPct === undefined
          ? html`<div class="lane"><span class="undated">${b.name} · ${phaseWord(b, w)}</span></div>`
          : html`<div class="lane">
              <div
                class="bar ${b.status}${b.awaitingApproval ? ' waiting' : ''}"
                style="left:${b.leftPct}%;width:${b.widthPct ?? 0}%"
                title="${b.name}: ${when(b.startMs, timeZone)} → ${when(b.endMs, timeZone)} (${phaseWord(b, w)})"
              >
                ${b.name}
              </div>
            </div>`,
      )}
      ${
        g.todayPct === undefined
          ? ''
          : html`<div class="today" style="left:${g.todayPct}%" data-test="today"><span>${w.today}</span></div>`
      }
    </div>
  </section>`;
}

function cellText(cell: GridCell, w: Words): string {
  const state = {
    'on-time': w.stateOnTime,
    late: w.stateLate,
    overdue: w.stateOverdue,
    missing: w.stateMissing,
    open: w.stateOpen,
  }[cell.row.state];
  return cell.step > 0 ? `${state} · ${w.step}${cell.step}` : state;
}

export function gridSection(grid: Grid | undefined, timeZone: string, lang: Lang): Html {
  const w = t(lang);
  if (!grid)
    return html`<section class="card">
      <h2>${w.grid}</h2>
      <p class="muted">${w.gridUnavailable}</p>
    </section>`;
  return html`<section class="card" data-test="grid">
    <h2>${w.grid}</h2>
    <p class="legend">
      ${(['green', 'yellow', 'red', 'grey'] as const).map((c) => html`<span class="${c}">${w[c]} ${grid.counts[c]}</span>`)}
    </p>
    <div class="scroll">
      <table class="grid">
        <thead>
          <tr>
            <th>${w.unit}</th>
            ${grid.columns.map((c) => html`<th>${c.title}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${grid.rows.map(
            (r) =>
              html`<tr data-unit="${r.unitId}">
                <td><a href="units/${r.unitId}">${r.unitName}</a></td>
                ${r.cells.map((cell) =>
                  cell
                    ? html`<td
                        class="cell ${cell.colour}"
                        data-colour="${cell.colour}"
                        title="${w.due} ${when(cell.row.dueMs, timeZone)}"
                      >
                        ${cellText(cell, w)}
                      </td>`
                    : html`<td class="cell"></td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

export function overdueSection(rows: readonly OverdueRow[], timeZone: string, lang: Lang): Html {
  const w = t(lang);
  return html`<section class="card" data-test="overdue">
    <h2>${w.whoIsLate}</h2>
    ${
      rows.length === 0
        ? html`<p>${w.nobodyLate}</p>`
        : html`<div class="scroll">
            <table>
              <thead>
                <tr>
                  <th>${w.unit}</th>
                  <th>${w.deliverable}</th>
                  <th>${w.due}</th>
                  <th>${w.lateBy}</th>
                  <th>${w.escalationStep}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (r) =>
                    html`<tr>
                      <td>${r.unitName}</td>
                      <td>${r.title}</td>
                      <td>${when(r.dueMs, timeZone)}</td>
                      <td class="red">${duration(r.lateByMs, lang)}</td>
                      <td>${r.step}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

export function casesSection(units: readonly UnitCases[], lang: Lang): Html {
  const w = t(lang);
  const any = units.some((u) => u.filed > 0);
  return html`<section class="card" data-test="cases">
    <h2>${w.casesByUnit}</h2>
    ${
      any
        ? html`${casesChart(units, lang)}
            <div class="scroll">
              <table>
                <thead>
                  <tr>
                    <th>${w.unit}</th>
                    <th>${w.filed}</th>
                    <th>${w.open}</th>
                    <th>${w.closed}</th>
                    <th>${w.closureRate}</th>
                  </tr>
                </thead>
                <tbody>
                  ${units.map(
                    (u) =>
                      html`<tr>
                        <td>${u.unitName}</td>
                        <td>${u.filed}</td>
                        <td>${u.open}</td>
                        <td>${u.closed}</td>
                        <td>${percent(u.closureRate)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : html`<p class="muted">${w.noCases}</p>`
    }
  </section>`;
}
