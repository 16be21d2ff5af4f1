import { html, type Html } from '../html';
import { t, type Lang } from '../i18n';
import type { LeaderPageModel } from '../view-models';
import { csrfField, flashBox, layout, type Chrome, type Flash } from './layout';
import { casesSection, glanceSection, gridSection, overdueSection, timelineSection } from './leader-sections';

/** Seconds between refreshes of the figures: the campaign publishes within a second of a change. */
export const REFRESH_SECONDS = 15;

/**
 * The part of the leaders' page that refreshes itself (htmx fetches it again every few seconds and
 * swaps it in); the decision forms stay outside it, so a leader typing a reason loses nothing.
 */
export function leaderFigures(model: LeaderPageModel, lang: Lang, path: string): Html {
  const g = model.glance;
  const zone = g?.timeZone ?? 'Asia/Shanghai';
  const nowMs = g?.nowMs ?? 0;
  return html`<div
    id="figures"
    hx-get="${path}"
    hx-vals='{"part":"figures"}'
    hx-trigger="every ${REFRESH_SECONDS}s"
    hx-swap="outerHTML"
  >
    ${g ? glanceSection(g, lang) : html`<section class="card"><p class="red">${model.glanceProblem ?? ''}</p></section>`}
    ${model.phases ? timelineSection(model.phases, nowMs, zone, lang) : ''} ${gridSection(model.grid, zone, lang)}
    ${model.overdue ? overdueSection(model.overdue, zone, lang) : ''}
    ${model.cases ? casesSection(model.cases, lang) : ''}
  </div>`;
}

function decisionForms(model: LeaderPageModel, lang: Lang, csrfToken: string): Html {
  const w = t(lang);
  const base = `/console/c/${encodeURIComponent(model.campaignId)}`;
  if (model.decidable.length === 0)
    return html`<section class="card" data-test="decide">
      <h2>${w.decide}</h2>
      <p class="muted">${w.noDecision}</p>
    </section>`;
  const phaseSelect = html`<label
    >${w.phase}<select name="phaseId">
      ${model.decidable.map((p) => html`<option value="${p.id}">${p.name}</option>`)}
    </select></label
  >`;
  return html`<section class="card" data-test="decide">
    <h2>${w.decide}</h2>
    <div class="row">
      <form class="stack" method="post" action="${base}/approve" data-test="approve-form">
        ${csrfField(csrfToken)} ${phaseSelect}
        <label>${w.comment}<input type="text" name="comment" maxlength="2000" /></label>
        <button type="submit">${w.approve}</button>
      </form>
      <form class="stack" method="post" action="${base}/return" data-test="return-form">
        ${csrfField(csrfToken)} ${phaseSelect}
        <label
          >${w.unit}<select name="units" multiple size="4">
            ${model.units.map((u) => html`<option value="${u.id}">${u.name}</option>`)}
          </select></label
        >
        <label>${w.reason}<input type="text" name="reason" maxlength="2000" /></label>
        <label>${w.newDue}<input type="date" name="newDue" /></label>
        <button type="submit" class="secondary">${w.returnPhase}</button>
      </form>
    </div>
  </section>`;
}

export function leaderPage(
  chrome: Chrome & { who: NonNullable<Chrome['who']> },
  model: LeaderPageModel,
  flash?: Flash,
): Html {
  const w = t(chrome.lang);
  return layout(
    chrome,
    model.glance?.title ?? w.campaign,
    html`${flashBox(flash, chrome.lang)} ${leaderFigures(model, chrome.lang, chrome.path)}
    ${decisionForms(model, chrome.lang, chrome.who.csrfToken)}`,
  );
}
