import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from '../api/http-errors';
import type { ServiceContext } from '../service-context';
import type { ServiceSession } from './session-store';

export const SESSION_COOKIE = 'campaign_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for a signed-in request by the session hook; undefined otherwise. */
    session?: ServiceSession;
  }
  interface FastifyContextConfig {
    /** `false` exempts a state-changing route from the CSRF check (sign-in: there is no session yet). */
    csrf?: boolean;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Equal tokens, compared in constant time. */
export function sameToken(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The token a request repeats: the header, or the form field `_csrf` of a parsed form body. */
function presentedToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string') return header;
  const body = request.body;
  if (typeof body === 'object' && body !== null && typeof (body as { _csrf?: unknown })._csrf === 'string') {
    return (body as { _csrf: string })._csrf;
  }
  return undefined;
}

/**
 * Reads the signed session cookie on every request, and checks the CSRF token of every
 * state-changing request that carries a session. A multipart upload may carry the token as its
 * first form field instead: its route checks that before reading any file (`csrfPending`).
 */
export function registerSessionHooks(app: FastifyInstance, ctx: ServiceContext): void {
  app.decorateRequest('session', undefined);
  app.addHook('onRequest', (request, _reply, done) => {
    const raw = request.cookies[SESSION_COOKIE];
    const unsigned = raw === undefined ? undefined : request.unsignCookie(raw);
    if (unsigned?.valid === true && unsigned.value !== null) {
      request.session = ctx.sessions.get(unsigned.value, ctx.now());
    }
    done();
  });
  app.addHook('preHandler', async (request, reply) => {
    const session = request.session;
    if (session === undefined || !STATE_CHANGING.has(request.method)) return;
    if (request.routeOptions.config.csrf === false) return;
    if (request.isMultipart() && request.headers[CSRF_HEADER] === undefined) return; // checked by the route
    if (!sameToken(presentedToken(request), session.csrfToken)) {
      return sendError(
        reply,
        403,
        'csrf',
        "this request lacks the session's CSRF token (header x-csrf-token or field _csrf); reload the page",
      );
    }
    return undefined;
  });
}

/** Whether a multipart request still owes its CSRF token as a form field. */
export const csrfPending = (request: FastifyRequest): boolean =>
  request.session !== undefined && request.headers[CSRF_HEADER] === undefined;

/**
 * A route's guard: without a session, 401 for the API (and any non-browser caller), or a redirect
 * to the sign-in page for a browser asking for a page.
 */
export async function requireSession(request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  if (request.session !== undefined) return undefined;
  const wantsPage = !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
  if (wantsPage) return reply.redirect(`/sign-in?next=${encodeURIComponent(request.url)}`);
  return sendError(reply, 401, 'no_session', 'sign in first: POST /api/session with your credential file');
}
