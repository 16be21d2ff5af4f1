import type { FastifyInstance } from 'fastify';
import { caseEventFor } from '../api/actions';
import { ServiceError } from '../api/http-errors';
import type { ServiceContext } from '../service-context';
import { requireSession } from '../session/session-hooks';
import { given, one, type FormBody } from './form-body';
import { refusalText, sessionOf, setFlash } from './page-context';

interface CaseParams {
  campaignId: string;
  unitId: string;
  caseId: string;
  action: string;
}

/**
 * The case events the unit page offers, as form fields to the API's case event: a note (the unit),
 * accepting or returning a closure (the office, the case-owning leader). The unit's workflow decides
 * who may; its refusal comes back in its own words.
 */
function eventOf(action: string, form: FormBody): Record<string, unknown> {
  switch (action) {
    case 'note':
      return { type: 'note', text: given(one(form, 'text')) };
    case 'accept':
      return { type: 'accept' };
    case 'return':
      return { type: 'return', reasons: [given(one(form, 'reason'))].filter((r) => r !== undefined) };
    default:
      throw new ServiceError(404, 'not_found', `no case action "${action}"`);
  }
}

export function registerCaseRoutes(app: FastifyInstance, ctx: ServiceContext): void {
  app.post<{ Params: CaseParams; Body: FormBody }>(
    '/console/c/:campaignId/units/:unitId/cases/:caseId/:action',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId, unitId, caseId, action } = request.params;
      try {
        const result = await caseEventFor(
          ctx,
          sessionOf(request),
          { campaignId, unitId, caseId },
          eventOf(action, request.body ?? {}),
        );
        setFlash(reply, { kind: 'ok', text: `${result.caseId}: ${result.status}` });
      } catch (error) {
        setFlash(reply, { kind: 'refused', text: `${caseId}: ${refusalText(error, campaignId).text}` });
      }
      return reply.redirect(`/console/c/${encodeURIComponent(campaignId)}/units/${encodeURIComponent(unitId)}`, 303);
    },
  );
}
