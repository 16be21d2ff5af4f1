import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parsePlanText } from '../../domain/plan/load-plan';
import { FILE_LIMITS } from '../../activities/files/bounded-file';
import { ServiceError } from '../api/http-errors';
import type { ServiceContext } from '../service-context';
import { requireSession, sameToken } from '../session/session-hooks';
import { safeFileName } from '../../domain/reports/safe-file-name';
import { chromeOf, sendPage, sessionOf } from './page-context';
import { sendPageError } from './page-errors';
import { officePage, type PlanCheckResult } from './pages/office-page';

interface CampaignParams {
  campaignId: string;
}

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

/** Reads the uploaded plan (CSRF token first, then one file under the plan size limit). */
async function readPlanUpload(request: FastifyRequest): Promise<{ fileName: string; text: string }> {
  let csrf = false;
  let upload: { fileName: string; text: string } | undefined;
  for await (const part of request.parts({ limits: { fileSize: FILE_LIMITS.plan, files: 1 } })) {
    if (!csrf) {
      csrf =
        part.type === 'field' &&
        part.fieldname === '_csrf' &&
        sameToken(String(part.value), sessionOf(request).csrfToken);
      if (!csrf) throw new ServiceError(403, 'csrf', 'this form has expired; reload the page');
      continue;
    }
    if (part.type === 'file') {
      const bytes = await part.toBuffer();
      if (part.filename !== '') upload = { fileName: safeFileName(part.filename), text: bytes.toString('utf8') };
    }
  }
  if (!csrf) throw new ServiceError(403, 'csrf', 'this form has expired; reload the page');
  if (upload === undefined)
    throw new ServiceError(400, 'invalid_request', 'form.plan: choose a plan file', 'form.plan');
  return upload;
}

function showOffice(request: FastifyRequest, reply: FastifyReply, campaignId: string, result?: PlanCheckResult) {
  const session = sessionOf(request);
  const chrome = chromeOf(request, reply);
  const who = chrome.who ?? { principal: session.principal, campaignId, csrfToken: session.csrfToken };
  return sendPage(reply, officePage({ ...chrome, who }, campaignId, result));
}

/** The office's page: check a plan (every issue with its line, by the same checker as the CLI), reports. */
export function registerOfficeRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.get<{ Params: CampaignParams }>(
    '/console/c/:campaignId/office',
    { preHandler: requireSession },
    async (request, reply) => {
      try {
        await officeOnly(ctx, request, request.params.campaignId);
        return showOffice(request, reply, request.params.campaignId);
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
        const { fileName, text } = await readPlanUpload(request);
        const checked = parsePlanText(text, fileName);
        const result: PlanCheckResult = checked.ok
          ? { fileName, ok: true, errors: [], warnings: checked.warnings, title: checked.plan.campaign.title }
          : {
              fileName,
              ok: false,
              errors: [...checked.errors, ...(checked.remaining ?? [])],
              warnings: checked.warnings,
            };
        return showOffice(request, reply, campaignId, result);
      } catch (error) {
        return sendPageError(request, reply, error, campaignId);
      }
    },
  );
}
