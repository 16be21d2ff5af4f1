import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FILE_LIMITS } from '../../activities/files/bounded-file';
import { credentialFileName, credentialsDir, readCredentialDir } from '../../client/access/credential-files';
import { isPrincipal } from '../../domain/access/principal';
import { parsePlanText } from '../../domain/plan/load-plan';
import { safeFileName } from '../../domain/reports/safe-file-name';
import { ServiceError } from '../api/http-errors';
import { notificationsFor } from '../api/views';
import type { ServiceContext } from '../service-context';
import type { ServiceDeps } from '../service-deps';
import { requireSession, sameToken } from '../session/session-hooks';
import { readRehearsalForm, startRehearsal } from './office-start';
import { chromeOf, refusalText, sendPage, sessionOf, setFlash, takeFlash } from './page-context';
import { sendPageError } from './page-errors';
import { officePage, type PlanCheckResult } from './pages/office-page';
import { openSession } from './sign-in-routes';

interface CampaignParams {
  campaignId: string;
}

const officePath = (campaignId: string) => `/console/c/${encodeURIComponent(campaignId)}/office`;

/** The office's pages are the office's: a leader or a unit gets the 403 page, and an audit entry. */
async function officeOnly(ctx: ServiceContext, request: FastifyRequest, campaignId: string): Promise<void> {
  const session = sessionOf(request);
  if (session.campaignId === campaignId && session.principal === 'office') return;
  await ctx.stores.audit.append({
    scope: session.campaignId,
    actor: session.principal,
    action: 'refused:office-page',
    at: new Date(ctx.now()).toISOString(),
    detail: `the office's page of ${campaignId} is for the office only`,
  });
  throw new ServiceError(403, 'forbidden', "the office's page is for the office only");
}

const readForm = (request: FastifyRequest) =>
  readRehearsalForm(request, FILE_LIMITS.plan, (token) => sameToken(token, sessionOf(request).csrfToken));

const LOG_ENTRIES = 20;

async function showOffice(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  campaignId: string,
  result?: PlanCheckResult,
) {
  const session = sessionOf(request);
  const chrome = chromeOf(request, reply);
  const who = chrome.who ?? { principal: session.principal, campaignId, csrfToken: session.csrfToken };
  // The holders whose credential files this host keeps, for the office to hand out.
  const holders = readCredentialDir(credentialsDir(ctx.dataDir, campaignId)).map((c) => c.principal);
  const notifications = (await notificationsFor(ctx, session, campaignId, LOG_ENTRIES)).entries.reverse();
  const audit = (await ctx.stores.audit.read(campaignId, { last: LOG_ENTRIES })).reverse();
  const model = { campaignId, holders, result, notifications, audit };
  return sendPage(reply, officePage({ ...chrome, who }, model, takeFlash(request, reply)));
}

/**
 * The office's page: check a plan (every issue with its line, by the CLI's checker), start a
 * rehearsal of it, hand out credential files, download the reports.
 */
export function registerOfficeRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const { ctx } = deps;
  app.get<{ Params: CampaignParams }>(
    '/console/c/:campaignId/office',
    { preHandler: requireSession },
    async (request, reply) => {
      try {
        await officeOnly(ctx, request, request.params.campaignId);
        return showOffice(ctx, request, reply, request.params.campaignId);
      } catch (error) {
        return sendPageError(request, reply, error, request.params.campaignId);
      }
    },
  );

  app.post<{ Params: CampaignParams }>(
    '/console/c/:campaignId/office/check-plan',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId } = request.params;
      try {
        await officeOnly(ctx, request, campaignId);
        if (!request.isMultipart()) throw new ServiceError(415, 'unsupported_media_type', 'send the form as it is');
        const { fileName: raw, text } = await readForm(request);
        const fileName = safeFileName(raw);
        const checked = parsePlanText(text, fileName);
        const result: PlanCheckResult = checked.ok
          ? { fileName, ok: true, errors: [], warnings: checked.warnings, title: checked.plan.campaign.title }
          : { fileName, ok: false, errors: checked.errors, warnings: checked.warnings };
        return showOffice(ctx, request, reply, campaignId, result);
      } catch (error) {
        return sendPageError(request, reply, error, campaignId);
      }
    },
  );

  app.post<{ Params: CampaignParams }>(
    '/console/c/:campaignId/office/start-rehearsal',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId } = request.params;
      try {
        await officeOnly(ctx, request, campaignId);
        if (!request.isMultipart()) throw new ServiceError(415, 'unsupported_media_type', 'send the form as it is');
        const started = await startRehearsal(ctx, campaignId, await readForm(request));
        // The office goes on in the rehearsal it started, as its office.
        openSession(deps, request, reply, started.office);
        setFlash(reply, {
          kind: 'ok',
          text: `${started.title}: rehearsal ${started.campaignId} started (one plan day = ${started.daySeconds} s); ${started.holders} credential files issued`,
        });
        return reply.redirect(officePath(started.campaignId), 303);
      } catch (error) {
        if (refusalText(error, campaignId).status === 403) return sendPageError(request, reply, error, campaignId);
        setFlash(reply, { kind: 'refused', text: refusalText(error, campaignId).text });
        return reply.redirect(officePath(campaignId), 303);
      }
    },
  );

  app.get<{ Params: CampaignParams & { holder: string } }>(
    '/console/c/:campaignId/office/credentials/:holder',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId, holder } = request.params;
      try {
        await officeOnly(ctx, request, campaignId);
        if (!isPrincipal(holder)) throw new ServiceError(404, 'not_found', `no holder "${holder}" in this campaign`);
        const file = path.join(credentialsDir(ctx.dataDir, campaignId), credentialFileName(holder));
        if (!fs.existsSync(file))
          throw new ServiceError(404, 'not_found', `this host keeps no credential of ${holder}`);
        return reply
          .type('application/json; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="${credentialFileName(holder)}"`)
          .send(fs.readFileSync(file));
      } catch (error) {
        return sendPageError(request, reply, error, campaignId);
      }
    },
  );
}
