import type { FastifyInstance } from 'fastify';
import { casesFor, unitStatusFor, unitTimelineFor } from '../api/views';
import type { ServiceContext } from '../service-context';
import { requireSession } from '../session/session-hooks';
import { duration } from './format';
import { t } from './i18n';
import { chromeOf, refusalText, sendPage, sessionOf, setFlash, takeFlash } from './page-context';
import { sendPageError } from './page-errors';
import { unitOwed, unitPage } from './pages/unit-page';
import { submitFromPage } from './unit-submit';

interface UnitParams {
  campaignId: string;
  unitId: string;
}

const unitPath = (p: UnitParams) =>
  `/console/c/${encodeURIComponent(p.campaignId)}/units/${encodeURIComponent(p.unitId)}`;

/** A unit's page (what it owes, its cases) and its submit form; leaders and the office may look. */
export function registerUnitRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get<{ Params: UnitParams; Querystring: { part?: string } }>(
    '/console/c/:campaignId/units/:unitId',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId, unitId } = request.params;
      const session = sessionOf(request);
      const chrome = chromeOf(request, reply);
      try {
        const view = await unitStatusFor(ctx, session, campaignId, unitId, { todo: false });
        const [cases, log] = await Promise.all([
          casesFor(ctx, session, campaignId, unitId, {}),
          unitTimelineFor(ctx, session, campaignId, unitId),
        ]);
        const model = {
          campaignId,
          unitId,
          unitName: view.unitName,
          timeZone: view.timeZone,
          nowMs: view.nowMs,
          rows: view.rows,
          cases,
          log: [...log].reverse(),
          mayAct: session.principal === `unit:${unitId}`,
        };
        if (request.query.part === 'owed')
          return sendPage(reply, unitOwed(model, chrome.lang, unitPath(request.params)));
        const who = chrome.who ?? { principal: session.principal, campaignId, csrfToken: session.csrfToken };
        return sendPage(reply, unitPage({ ...chrome, who }, model, takeFlash(request, reply)));
      } catch (error) {
        return sendPageError(request, reply, error, campaignId);
      }
    },
  );

  app.post<{ Params: UnitParams }>(
    '/console/c/:campaignId/units/:unitId/submit',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId } = request.params;
      const w = t(chromeOf(request, reply).lang);
      try {
        const receipt = await submitFromPage(ctx, sessionOf(request), request, campaignId, request.params.unitId);
        const lateness = receipt.onTime
          ? w.stateOnTime
          : `${w.stateLate} ${duration(receipt.lateByMs, chromeOf(request, reply).lang)}`;
        setFlash(reply, { kind: 'ok', text: `${receipt.title}: ${lateness}` });
      } catch (error) {
        const { status, text } = refusalText(error, campaignId);
        if (status === 403 && text.includes('CSRF'))
          return reply.code(403).type('text/plain; charset=utf-8').send(text);
        setFlash(reply, { kind: 'refused', text });
      }
      return reply.redirect(unitPath(request.params), 303);
    },
  );
}
