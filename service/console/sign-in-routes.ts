import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { SignInBodySchema } from '../../contracts/service-api';
import type { IssuedCredential } from '../../client/access/issue-credentials';
import type { ServiceDeps } from '../service-deps';
import type { ServiceSession } from '../session/session-store';
import { requireSession, sameToken, SESSION_COOKIE } from '../session/session-hooks';
import { verifyCredential } from '../session/verify-credential';
import { t } from './i18n';
import { chromeOf, homeOf, sendPage, sessionOf } from './page-context';
import { signInPage } from './pages/sign-in-page';

/** The pre-session CSRF token: a cookie the sign-in form repeats, so no other site can sign anyone in. */
const PRE_CSRF_COOKIE = 'console_signin_csrf';
/** A credential file is a few hundred bytes; anything larger is not one. */
const CREDENTIAL_BYTES = 4096;

async function readSignInForm(request: FastifyRequest): Promise<Record<string, string>> {
  const fields: Record<string, string> = {};
  for await (const part of request.parts({ limits: { fileSize: CREDENTIAL_BYTES, files: 1, fields: 4 } })) {
    if (part.type === 'field') fields[part.fieldname] = String(part.value).slice(0, CREDENTIAL_BYTES);
    else if (part.fieldname === 'credentialFile') {
      const text = (await part.toBuffer()).toString('utf8');
      if (text.trim() !== '') fields['credentialFile'] = text;
    } else await part.toBuffer();
  }
  return fields;
}

/** Where to go after signing in: a console page only, never another site (`//host`) nor the API. */
export function safeNext(next: unknown): string | undefined {
  return typeof next === 'string' && /^\/console\/[\w\-./%?=&]*$/.test(next) && !next.includes('//') ? next : undefined;
}

function showSignIn(request: FastifyRequest, reply: FastifyReply, refusal?: string, status = 200, next?: string) {
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(PRE_CSRF_COOKIE, token, { path: '/console', httpOnly: true, sameSite: 'strict', maxAge: 3600 });
  const chrome = chromeOf(request, reply);
  const flash = refusal === undefined ? undefined : { kind: 'refused' as const, text: refusal };
  const back = next ?? safeNext((request.query as { next?: unknown } | undefined)?.next);
  return sendPage(reply, signInPage({ ...chrome, who: undefined }, token, flash, back), status);
}

/** The credential, from the uploaded file or the pasted text, checked like the API's sign-in body. */
function credentialOf(
  fields: Record<string, string>,
): { ok: true; value: z.infer<typeof SignInBodySchema> } | { ok: false; text: string } {
  const text = fields['credentialFile'] ?? fields['credential'] ?? '';
  if (text.trim() === '') return { ok: false, text: 'credential: choose the file or paste its content' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, text: 'credential: this is not a credential file (not JSON)' };
  }
  const parsed = SignInBodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, text: `credential.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, value: parsed.data };
}

/** A new session for `credential`, replacing the request's own, with the API's cookie. */
export function openSession(
  deps: ServiceDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  credential: IssuedCredential,
): ServiceSession {
  const { ctx } = deps;
  if (request.session !== undefined) ctx.sessions.delete(request.session.id);
  const session = ctx.sessions.create(credential, ctx.now());
  reply.clearCookie(PRE_CSRF_COOKIE, { path: '/console' });
  reply.setCookie(SESSION_COOKIE, session.id, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: deps.secureCookies === true,
    signed: true,
    expires: new Date(session.expiresAtMs),
  });
  return session;
}

/**
 * GET /sign-in (where the service sends a browser without a session), POST /console/sign-in, and
 * POST /console/sign-out. The sign-in itself is the API's: the same check of the credential, the
 * same audit entry, the same HttpOnly SameSite session cookie.
 */
export function registerSignInRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  const { ctx } = deps;
  app.get('/sign-in', async (request, reply) => showSignIn(request, reply));
  app.get('/console/sign-in', async (request, reply) => showSignIn(request, reply));

  app.post('/console/sign-in', { config: { csrf: false } }, async (request, reply) => {
    const w = t(chromeOf(request, reply).lang);
    if (!request.isMultipart()) return showSignIn(request, reply, 'send the sign-in form as it is', 415);
    const fields = await readSignInForm(request);
    if (!sameToken(fields['_csrf'], request.cookies[PRE_CSRF_COOKIE] ?? '')) {
      return showSignIn(request, reply, `${w.signInRefused}: the form has expired; try again`, 403);
    }
    const next = safeNext(fields['next']);
    const credential = credentialOf(fields);
    if (!credential.ok) return showSignIn(request, reply, credential.text, 400, next);
    const body = credential.value;
    const genuine = await verifyCredential(body, { store: ctx.stores.credentials, dataDir: ctx.dataDir });
    await ctx.stores.audit.append({
      scope: body.campaignId,
      actor: body.principal,
      action: genuine ? 'sign-in' : 'sign-in-refused',
      at: new Date(ctx.now()).toISOString(),
      ...(genuine ? {} : { detail: 'console: the token does not match the credential the office issued' }),
    });
    if (!genuine) {
      return showSignIn(
        request,
        reply,
        'this credential is not one the office issued for that campaign and holder',
        401,
        next,
      );
    }
    const session = openSession(deps, request, reply, body);
    const wanted = next !== undefined && next.startsWith(`/console/c/${encodeURIComponent(session.campaignId)}/`);
    return reply.redirect(wanted ? next : homeOf(session), 303);
  });

  app.post('/console/sign-out', { preHandler: requireSession }, async (request, reply) => {
    ctx.sessions.delete(sessionOf(request).id);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/sign-in', 303);
  });
}
