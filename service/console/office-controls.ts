import type { FastifyInstance } from 'fastify';
import { cancelCampaignUpdate, pauseRemindersUpdate, resumeRemindersUpdate } from '../../contracts';
import { guard } from '../api/guard';
import { ServiceError } from '../api/http-errors';
import type { ServiceContext } from '../service-context';
import { requireSession } from '../session/session-hooks';
import { given, one, type FormBody } from './form-body';
import { refusalText, sessionOf, setFlash } from './page-context';

interface ControlParams {
  campaignId: string;
  action: string;
}

/**
 * The office's campaign controls as form posts: pause and resume reminders, cancel with a reason.
 * The service checks the session's holder first (guard: audited), the campaign then decides with
 * the office's credential, and its refusal comes back on the page in its own words.
 */
export function registerOfficeControls(app: FastifyInstance, ctx: ServiceContext): void {
  app.post<{ Params: ControlParams; Body: FormBody }>(
    '/console/c/:campaignId/office/control/:action',
    { preHandler: requireSession },
    async (request, reply) => {
      const { campaignId, action } = request.params;
      const session = sessionOf(request);
      try {
        if (session.principal !== 'office') throw new ServiceError(403, 'forbidden', 'these controls are the office’s');
        const access = await guard(ctx, session, campaignId, { kind: 'campaign' }, `console-${action}`);
        const handle = await access.campaign(campaignId);
        const by = session.principal;
        const reason = given(one(request.body ?? {}, 'reason')) ?? '';
        const receipt =
          action === 'pause'
            ? await handle.executeUpdate(pauseRemindersUpdate, { args: [{ by }] })
            : action === 'resume'
              ? await handle.executeUpdate(resumeRemindersUpdate, { args: [{ by }] })
              : action === 'cancel'
                ? await handle.executeUpdate(cancelCampaignUpdate, { args: [{ reason, by }] })
                : undefined;
        if (receipt === undefined) throw new ServiceError(404, 'not_found', `no control "${action}"`);
        setFlash(reply, { kind: 'ok', text: receipt.message });
      } catch (error) {
        setFlash(reply, { kind: 'refused', text: refusalText(error, campaignId).text });
      }
      return reply.redirect(`/console/c/${encodeURIComponent(campaignId)}/office`, 303);
    },
  );
}
