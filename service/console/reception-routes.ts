import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RecordReceptionBodySchema, SubstituteBodySchema, type ReceptionsView } from '../../contracts/reception-api';
import { addDays } from '../../domain/calendar/local-time';
import { parseOrThrow } from '../api/parse';
import { receptionsFor, recordReceptionFor, substituteFor } from '../api/receptions';
import type { ServiceContext } from '../service-context';
import { requireSession } from '../session/session-hooks';
import { one, type FormBody } from './form-body';
import { chromeOf, refusalText, sendPage, sessionOf, setFlash, takeFlash } from './page-context';
import { sendPageError } from './page-errors';
import { receptionPage } from './pages/reception-page';

interface CampaignParams {
  campaignId: string;
}
interface ProgrammeParams extends CampaignParams {
  programmeId: string;
}

const receptionsPath = (campaignId: string) => `/console/c/${encodeURIComponent(campaignId)}/receptions`;

/** The page shows the week behind and the month ahead of each programme's today. */
function aroundToday(view: ReceptionsView): ReceptionsView {
  return {
    ...view,
    programmes: view.programmes.map((p) => ({
      ...p,
      receptions: p.receptions.filter((r) => r.date >= addDays(p.today, -7) && r.date <= addDays(p.today, 31)),
    })),
  };
}

/** Runs one of the page's actions, says what it did (or why not), and goes back to the page. */
async function act(
  request: FastifyRequest<{ Params: ProgrammeParams; Body: FormBody }>,
  reply: FastifyReply,
  run: (form: FormBody, where: ProgrammeParams) => Promise<string>,
) {
  const { campaignId } = request.params;
  try {
    setFlash(reply, { kind: 'ok', text: await run(request.body ?? {}, request.params) });
  } catch (error) {
    setFlash(reply, { kind: 'refused', text: refusalText(error, campaignId).text });
  }
  return reply.redirect(receptionsPath(campaignId), 303);
}

/** Reception days (领导接访日) in the console: the posted rota, "no visitors today", a substitute. */
export function registerReceptionRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get<{ Params: CampaignParams }>(
    '/console/c/:campaignId/receptions',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId } = request.params;
      const chrome = chromeOf(request, reply);
      try {
        const view = await receptionsFor(ctx, sessionOf(request), campaignId, {});
        const who = chrome.who ?? { principal: '', campaignId, csrfToken: '' };
        return sendPage(
          reply,
          receptionPage({ ...chrome, who }, aroundToday(view), campaignId, takeFlash(request, reply)),
        );
      } catch (error) {
        return sendPageError(request, reply, error, campaignId);
      }
    },
  );

  app.post<{ Params: ProgrammeParams; Body: FormBody }>(
    '/console/c/:campaignId/receptions/:programmeId/record',
    { preHandler: requireSession },
    (request, reply) =>
      act(request, reply, async (form, where) => {
        const body = parseOrThrow(
          RecordReceptionBodySchema,
          { receptionId: one(form, 'receptionId'), noVisitors: true },
          'form',
        );
        const receipt = await recordReceptionFor(ctx, sessionOf(request), where, body);
        return `${receipt.date}：今日无来访，已登记`;
      }),
  );

  app.post<{ Params: ProgrammeParams; Body: FormBody }>(
    '/console/c/:campaignId/receptions/:programmeId/substitute',
    { preHandler: requireSession },
    (request, reply) =>
      act(request, reply, async (form, where) => {
        const body = parseOrThrow(
          SubstituteBodySchema,
          { receptionId: one(form, 'receptionId'), substitute: one(form, 'substitute'), reason: one(form, 'reason') },
          'form',
        );
        const named = await substituteFor(ctx, sessionOf(request), where, body);
        return `${named.date}：${named.name}代${named.rosteredName}接访（补位）`;
      }),
  );
}
