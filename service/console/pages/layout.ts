import { html, type Html } from '../html';
import { t, type Lang } from '../i18n';

export const ASSET_BASE = '/console/assets';

export interface Chrome {
  lang: Lang;
  /** The page's own path, for the language switch. */
  path: string;
  /** Who is signed in, shown in the header with a sign-out button. */
  who?: { principal: string; campaignId: string; csrfToken: string };
}

export type Flash = { kind: 'ok' | 'refused'; text: string };

export function flashBox(flash: Flash | undefined, lang: Lang): Html {
  if (!flash) return html``;
  const w = t(lang);
  return html`<div class="flash ${flash.kind}" role="status">
    <strong>${flash.kind === 'ok' ? w.done : w.refused}:</strong> ${flash.text}
  </div>`;
}

/** A hidden field with the session's CSRF token: every form that changes something carries it. */
export const csrfField = (token: string): Html => html`<input type="hidden" name="_csrf" value="${token}" />`;

function switchHref(path: string, lang: Lang): string {
  const url = new URL(path, 'http://console.invalid');
  url.searchParams.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `${url.pathname}${url.search}`;
}

/** The office and leaders read campaign-wide pages; units and assessors have their own. */
const readsCampaign = (principal: string) => principal === 'office' || principal.startsWith('leader:');

export function layout(chrome: Chrome, title: string, body: Html): Html {
  const w = t(chrome.lang);
  const who = chrome.who;
  return html`<!doctype html>
    <html lang="${chrome.lang === 'zh' ? 'zh-CN' : 'en'}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${w.appName}</title>
        <link rel="stylesheet" href="${ASSET_BASE}/console.css" />
        <script src="${ASSET_BASE}/htmx.min.js" defer></script>
      </head>
      <body>
        <header class="top">
          <a href="/console" style="text-decoration:none"><strong>${w.appName}</strong></a>
          ${who && readsCampaign(who.principal) ? html`<a href="/console/c/${encodeURIComponent(who.campaignId)}/receptions" data-test="nav-receptions">${w.receptions}</a>` : ''}
          <span class="who"
            >${who ? html`${who.principal} · ${who.campaignId}` : ''}
            <a href="${switchHref(chrome.path, chrome.lang)}" data-test="lang-switch">${w.language}</a></span
          >
          ${
            who
              ? html`<form method="post" action="/console/sign-out" style="margin:0">
                  ${csrfField(who.csrfToken)}<button type="submit">${w.signOut}</button>
                </form>`
              : ''
          }
        </header>
        <main>${body}</main>
      </body>
    </html>`;
}
