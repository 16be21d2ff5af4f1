import type { Case } from '../../../domain/cases/case-schema';
import type { ObligationRow } from '../../../domain/unit/unit-progress';
import { cellColour } from '../../../domain/console/grid-colour';
import { duration, when } from '../format';
import { html, type Html } from '../html';
import { t, type Lang, type Words } from '../i18n';
import type { UnitPageModel } from '../view-models';
import { csrfField, flashBox, layout, type Chrome, type Flash } from './layout';

const owing = (row: ObligationRow) => row.state === 'open' || row.state === 'overdue';

function stateWord(row: ObligationRow, w: Words): string {
  return {
    'on-time': w.stateOnTime,
    late: w.stateLate,
    overdue: w.stateOverdue,
    missing: w.stateMissing,
    open: w.stateOpen,
  }[row.state];
}

function obligationsTable(model: UnitPageModel, lang: Lang): Html {
  const w = t(lang);
  if (model.rows.length === 0) return html`<p>${w.nothingOwed}</p>`;
  return html`<div class="scroll">
    <table data-test="obligations">
      <thead>
        <tr>
          <th>${w.deliverable}</th>
          <th>${w.due}</th>
          <th>${w.timeLeft}</th>
          <th>${w.status}</th>
          <th>${w.submittedAt}</th>
        </tr>
      </thead>
      <tbody>
        ${model.rows.map((row) => {
          const left = row.dueMs - model.nowMs;
          return html`<tr data-key="${row.key}" data-state="${row.state}">
            <td>${row.title}</td>
            <td>${when(row.dueMs, model.timeZone)}</td>
            <td>${owing(row) ? (left >= 0 ? duration(left, lang) : `${w.lateBy} ${duration(left, lang)}`) : '—'}</td>
            <td class="${cellColour(row, model.nowMs)}">
              ${stateWord(row, w)}${row.escalationStep > 0 ? ` · ${w.step}${row.escalationStep}` : ''}
            </td>
            <td>${row.submittedAtMs === undefined ? '—' : when(row.submittedAtMs, model.timeZone)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

function submitForm(model: UnitPageModel, lang: Lang, csrfToken: string): Html {
  const w = t(lang);
  const open = model.rows.filter(owing);
  if (!model.mayAct || open.length === 0) return html``;
  const action = `/console/c/${encodeURIComponent(model.campaignId)}/units/${encodeURIComponent(model.unitId)}/submit`;
  return html`<section class="card" data-test="submit">
    <h2>${w.submitReport}</h2>
    <form class="stack" method="post" action="${action}" enctype="multipart/form-data">
      ${csrfField(csrfToken)}
      <label
        >${w.deliverable}<select name="key">
          ${open.map((r) => html`<option value="${r.key}">${r.title} (${when(r.dueMs, model.timeZone)})</option>`)}
        </select></label
      >
      <label>${w.files}<input type="file" name="files" multiple /></label>
      <label>${w.note}<input type="text" name="note" maxlength="2000" /></label>
      <button type="submit">${w.submit}</button>
    </form>
  </section>`;
}

function caseActions(model: UnitPageModel, c: Case, lang: Lang, csrfToken: string): Html {
  const w = t(lang);
  const base = `/console/c/${encodeURIComponent(model.campaignId)}/units/${encodeURIComponent(model.unitId)}/cases/${encodeURIComponent(c.id)}`;
  if (model.mayAct && c.status !== 'closed')
    return html`<form class="inline" method="post" action="${base}/note" data-test="case-note">
      ${csrfField(csrfToken)}<input type="text" name="text" maxlength="2000" placeholder="${w.caseNote}" />
      <button type="submit" class="secondary">${w.addNote}</button>
    </form>`;
  if (!model.mayAct && c.status === 'closure-submitted')
    return html`<form class="inline" method="post" action="${base}/accept" data-test="case-accept">
        ${csrfField(csrfToken)}<button type="submit">${w.acceptClosure}</button>
      </form>
      <form class="inline" method="post" action="${base}/return" data-test="case-return">
        ${csrfField(csrfToken)}<input type="text" name="reason" maxlength="2000" placeholder="${w.reason}" />
        <button type="submit" class="secondary">${w.returnClosure}</button>
      </form>`;
  return html``;
}

const CASE_STATUS_WORDS = {
  open: ['在办', 'open'],
  'closure-submitted': ['已报结案', 'closure submitted'],
  closed: ['已办结', 'closed'],
} as const;

function casesTable(model: UnitPageModel, lang: Lang, csrfToken: string): Html {
  const w = t(lang);
  const index = lang === 'zh' ? 0 : 1;
  return html`<section class="card" data-test="unit-cases">
    <h2>${w.ourCases}</h2>
    ${
      model.cases.length === 0
        ? html`<p class="muted">${w.noCases}</p>`
        : html`<div class="scroll">
            <table>
              <thead>
                <tr>
                  <th>${w.caseId}</th>
                  <th>${w.caseTitle}</th>
                  <th>${w.caseStatus}</th>
                  <th>${w.caseDue}</th>
                  <th>${w.latest}</th>
                  <th></th>
                </tr>
              </thead>
              <tbody>
                ${model.cases.map((c) => {
                  const last = c.history[c.history.length - 1];
                  return html`<tr data-case="${c.id}" data-status="${c.status}">
                    <td>${c.id}</td>
                    <td>${c.title}</td>
                    <td>${CASE_STATUS_WORDS[c.status][index]}</td>
                    <td>${when(c.dueAtMs, model.timeZone)}</td>
                    <td data-test="case-latest">
                      ${last ? `${last.type}${last.detail ? `: ${last.detail}` : ''}` : ''}
                    </td>
                    <td>${caseActions(model, c, lang, csrfToken)}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
    }
  </section>`;
}

/** Entries of the unit's log shown on its page; the rest are in `campaign timeline --unit`. */
const LOG_SHOWN = 30;

function logSection(model: UnitPageModel, lang: Lang): Html {
  const w = t(lang);
  if (model.log.length === 0) return html``;
  return html`<section class="card" data-test="unit-log">
    <h2>${w.whatWeSent}</h2>
    <div class="scroll">
      <table>
        <tbody>
          ${model.log.slice(0, LOG_SHOWN).map(
            (e) =>
              html`<tr>
                <td>${when(e.atMs, model.timeZone)}</td>
                <td>${e.what}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}

/** The part of the unit's page that refreshes itself: what it owes, with the time left. */
export function unitOwed(model: UnitPageModel, lang: Lang, path: string): Html {
  const w = t(lang);
  return html`<section
    class="card"
    id="owed"
    hx-get="${path}"
    hx-vals='{"part":"owed"}'
    hx-trigger="every 30s"
    hx-swap="outerHTML"
  >
    <h1>${model.unitName}</h1>
    <p class="muted">${w.planTime} ${when(model.nowMs, model.timeZone)} (${model.timeZone})</p>
    <h2>${w.whatWeOwe}</h2>
    ${obligationsTable(model, lang)}
  </section>`;
}

export function unitPage(
  chrome: Chrome & { who: NonNullable<Chrome['who']> },
  model: UnitPageModel,
  flash?: Flash,
): Html {
  return layout(
    chrome,
    model.unitName,
    html`${flashBox(flash, chrome.lang)} ${unitOwed(model, chrome.lang, chrome.path.split('?')[0] ?? chrome.path)}
    ${submitForm(model, chrome.lang, chrome.who.csrfToken)} ${casesTable(model, chrome.lang, chrome.who.csrfToken)}
    ${logSection(model, chrome.lang)}`,
  );
}

export function forbiddenPage(chrome: Chrome): Html {
  const w = t(chrome.lang);
  return layout(
    chrome,
    w.forbidden,
    html`<section class="card" data-test="forbidden">
      <h1>${w.forbidden}</h1>
      <p>${w.forbiddenText}</p>
    </section>`,
  );
}
