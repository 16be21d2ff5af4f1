import type { FastifyInstance } from 'fastify';
import { SessionViewSchema, SignInBodySchema, type SessionView } from '../../contracts/service-api';
import { parseOrThrow } from '../api/parse';
import { sendError } from '../api/http-errors';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from './session-store';
import { requireSession, SESSION_COOKIE } from './session-hooks';
import { verifyCredential } from './verify-credential';

export interface SessionCookieOptions {
  secure: boolean;
}

const view = (session: ServiceSession): SessionView =>
  SessionViewSchema.parse({
    campaignId: session.campaignId,
    principal: session.principal,
    csrfToken: session.csrfToken,
    expiresAt: new Date(session.expiresAtMs).toISOString(),
  });

/** POST /api/session (sign in with the credential file), GET (who am I), DELETE (sign out). */
export function registerSessionRoutes(app: FastifyInstance, ctx: ServiceContext, cookie: SessionCookieOptions): void {
  app.post('/api/session', { config: { csrf: false } }, async (request, reply) => {
    const body = parseOrThrow(SignInBodySchema, request.body, 'body');
    const genuine = await verifyCredential(body, { store: ctx.stores.credentials, dataDir: ctx.dataDir });
    await ctx.stores.audit.append({
      scope: body.campaignId,
      actor: body.principal,
      action: genuine ? 'sign-in' : 'sign-in-refused',
      at: new Date(ctx.now()).toISOString(),
      ...(genuine ? {} : { detail: 'the token does not match the credential the office issued' }),
    });
    if (!genuine) {
      // One sentence for every failure: which part was wrong would help a guesser.
      return sendError(
        reply,
        401,
        'credential_invalid',
        'this credential is not one the office issued for that campaign and holder',
      );
    }
    if (request.session !== undefined) ctx.sessions.delete(request.session.id);
    const session = ctx.sessions.create(body, ctx.now());
    reply.setCookie(SESSION_COOKIE, session.id, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: cookie.secure,
      signed: true,
      expires: new Date(session.expiresAtMs),
    });
    return reply.code(201).send(view(session));
  });

  app.get('/api/session', { preHandler: requireSession }, (request, reply) =>
    reply.send(view(request.session as ServiceSession)),
  );

  app.delete('/api/session', { preHandler: requireSession }, async (request, reply) => {
    const session = request.session as ServiceSession;
    ctx.sessions.delete(session.id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });
}
