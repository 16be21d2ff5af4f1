import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from './html';
import { t } from './i18n';
import { chromeOf, refusalText, sendPage } from './page-context';
import { layout } from './pages/layout';
import { forbiddenPage } from './pages/unit-page';

/**
 * A page that could not be shown, in words and with the API's status: 403 for another holder's
 * page (the guard has written the audit entry), 404 for an unknown campaign or unit.
 */
export function sendPageError(request: FastifyRequest, reply: FastifyReply, error: unknown, campaignId: string) {
  const chrome = chromeOf(request, reply);
  const { status, text } = refusalText(error, campaignId);
  if (status === 403) return sendPage(reply, forbiddenPage(chrome), 403);
  if (status >= 500) request.log.error(error);
  const w = t(chrome.lang);
  const title = status === 404 ? w.notFound : w.refused;
  return sendPage(
    reply,
    layout(
      chrome,
      title,
      html`<section class="card" data-test="page-error">
        <h1>${title}</h1>
        <p>${text}</p>
      </section>`,
    ),
    status,
  );
}
