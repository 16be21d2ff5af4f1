import type { FastifyInstance } from 'fastify';
import { ApproveBodySchema, ReturnBodySchema } from '../../contracts/service-api';
import { parseOrThrow } from '../api/parse';
import { approveFor, returnFor } from '../api/actions';
import type { ServiceContext } from '../service-context';
import { requireSession } from '../session/session-hooks';
import { given, many, one, type FormBody } from './form-body';
import { leaderModel } from './leader-data';
import { chromeOf, refusalText, sendPage, sessionOf, setFlash, takeFlash } from './page-context';
import { sendPageError } from './page-errors';
import { leaderFigures, leaderPage } from './pages/leader-page';

interface CampaignParams {
  campaignId: string;
}

const leaderPath = (campaignId: string) => `/console/c/${encodeURIComponent(campaignId)}/leader`;

/** The leaders' (and the office's) campaign page, and its two decisions: approve and return a phase. */
export function registerLeaderRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get<{ Params: CampaignParams; Querystring: { part?: string } }>(
    '/console/c/:campaignId/leader',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId } = request.params;
      const chrome = chromeOf(request, reply);
      try {
        const model = await leaderModel(ctx, sessionOf(request), campaignId);
        const path = leaderPath(campaignId);
        if (request.query.part === 'figures') {
          return sendPage(reply, leaderFigures(model, chrome.lang, path));
        }
        const who = chrome.who ?? { principal: '', campaignId, csrfToken: '' };
        return sendPage(reply, leaderPage({ ...chrome, path, who }, model, takeFlash(request, reply)));
      } catch (error) {
        return sendPageError(request, reply, error, campaignId);
      }
    },
  );

  app.post<{ Params: CampaignParams; Body: FormBody }>(
    '/console/c/:campaignId/approve',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId } = request.params;
      const form = request.body ?? {};
      try {
        const body = parseOrThrow(
          ApproveBodySchema,
          { phaseId: one(form, 'phaseId'), comment: given(one(form, 'comment')) },
          'form',
        );
        const receipt = await approveFor(ctx, sessionOf(request), campaignId, body);
        setFlash(reply, { kind: 'ok', text: receipt.message });
      } catch (error) {
        setFlash(reply, { kind: 'refused', text: refusalText(error, campaignId).text });
      }
      return reply.redirect(leaderPath(campaignId), 303);
    },
  );

  app.post<{ Params: CampaignParams; Body: FormBody }>(
    '/console/c/:campaignId/return',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId } = request.params;
      const form = request.body ?? {};
      try {
        const body = parseOrThrow(
          ReturnBodySchema,
          {
            phaseId: one(form, 'phaseId'),
            units: many(form, 'units'),
            reason: one(form, 'reason') ?? '',
            newDue: given(one(form, 'newDue')),
          },
          'form',
        );
        const receipt = await returnFor(ctx, sessionOf(request), campaignId, body);
        setFlash(reply, { kind: 'ok', text: receipt.message });
      } catch (error) {
        setFlash(reply, { kind: 'refused', text: refusalText(error, campaignId).text });
      }
      return reply.redirect(leaderPath(campaignId), 303);
    },
  );
}
