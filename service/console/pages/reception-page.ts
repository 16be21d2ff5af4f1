import type { ReceptionRow, ReceptionsView } from '../../../contracts/reception-api';
import { html, type Html } from '../html';
import { t, type Lang, type Words } from '../i18n';
import { csrfField, flashBox, layout, type Chrome, type Flash } from './layout';

/**
 * The reception days page (领导接访日) for leaders and the office: each programme's rota as posted
 * (公示, after 补位), its status, and the two things done from a browser: the leader on duty records
 * "no visitors today", and a substitute is named for a day still ahead. Visitors with their
 * matters are recorded from the terminal, where a register file can be checked field by field.
 */

type Who = NonNullable<Chrome['who']>;
type Programme = ReceptionsView['programmes'][number];

const STATUS: Record<ReceptionRow['status'], keyof Words> = {
  upcoming: 'receptionUpcoming',
  today: 'receptionToday',
  held: 'receptionHeld',
  missed: 'receptionMissed',
  open: 'receptionOpen',
  paused: 'receptionPaused',
};

/** The office acts for anyone; a leader for the receptions they are on duty for. */
const mayActOn = (row: ReceptionRow, who: Who) => who.principal === 'office' || row.onDuty === who.principal;

function actionCell(base: string, programme: Programme, row: ReceptionRow, who: Who, w: Words): Html {
  if (!mayActOn(row, who) || programme.paused) return html``;
  const action = `${base}/receptions/${encodeURIComponent(programme.programmeId)}`;
  if (row.status === 'today' && row.visitors === 0 && !row.noVisitors) {
    return html`<form method="post" action="${action}/record" data-test="record-none">
      ${csrfField(who.csrfToken)}<input type="hidden" name="receptionId" value="${row.id}" />
      <button type="submit">${w.recordNoVisitors}</button>
    </form>`;
  }
  if (row.status !== 'upcoming') return html``;
  // Folded: most days need no substitute, and the rota should read as one line a day.
  return html`<details data-test="substitute-open">
    <summary>${w.nameSubstitute}</summary>
    <form method="post" action="${action}/substitute" class="stack" data-test="substitute">
      ${csrfField(who.csrfToken)}<input type="hidden" name="receptionId" value="${row.id}" />
      <select name="substitute" aria-label="${w.substitute}">
        ${programme.leaders
          .filter((l) => `leader:${l.id}` !== row.onDuty)
          .map((l) => html`<option value="${l.id}">${l.name}${l.title ? `（${l.title}）` : ''}</option>`)}
      </select>
      <input type="text" name="reason" maxlength="500" placeholder="${w.substituteReason}" required />
      <button type="submit" class="secondary">${w.nameSubstitute}</button>
    </form>
  </details>`;
}

function programmeSection(view: ReceptionsView, programme: Programme, base: string, who: Who, lang: Lang): Html {
  const w = t(lang);
  const rows = programme.receptions;
  return html`<section class="card" data-test="programme-${programme.programmeId}">
    <h2>
      ${programme.programmeName}${programme.paused ? html` <span class="red">（${w.receptionPaused}）</span>` : ''}
    </h2>
    ${
      rows.length === 0
        ? html`<p class="muted">${w.noReceptions}</p>`
        : html`<table>
            <thead>
              <tr>
                ${view.headers.map((h) => html`<th>${h}</th>`)}
                <th>${w.receptionStatus}</th>
                <th>${w.visitorsCount}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) =>
                  html`<tr data-test="reception-${row.date}">
                    ${row.cells.map((cell) => html`<td>${cell}</td>`)}
                    <td>${w[STATUS[row.status]]}</td>
                    <td>${row.noVisitors ? w.noVisitorsToday : String(row.visitors)}</td>
                    <td>${actionCell(base, programme, row, who, w)}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  </section>`;
}

export function receptionPage(
  chrome: Chrome & { who: Who },
  view: ReceptionsView,
  campaignId: string,
  flash?: Flash,
): Html {
  const w = t(chrome.lang);
  const base = `/console/c/${encodeURIComponent(campaignId)}`;
  return layout(
    chrome,
    w.receptions,
    html`${flashBox(flash, chrome.lang)}
      <h1>${w.receptions}</h1>
      ${view.programmes.map((p) => programmeSection(view, p, base, chrome.who, chrome.lang))}
      <p class="muted">${w.visitorsByCli}</p>`,
  );
}
