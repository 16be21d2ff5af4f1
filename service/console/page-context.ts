import type { FastifyReply, FastifyRequest } from 'fastify';
import { httpErrorOf } from '../api/http-errors';
import type { ServiceSession } from '../session/session-store';
import type { Html } from './html';
import { pickLang, type Lang } from './i18n';
import type { Chrome, Flash } from './pages/layout';

const LANG_COOKIE = 'console_lang';
const FLASH_COOKIE = 'console_flash';
const YEAR_S = 365 * 24 * 3600;

/** The page's language: `?lang=` (remembered in a cookie), else the cookie, else Chinese. */
export function langOf(request: FastifyRequest, reply: FastifyReply): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  const lang = pickLang(asked, request.cookies[LANG_COOKIE]);
  if (asked === 'en' || asked === 'zh') {
    reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: YEAR_S });
  }
  return lang;
}

export function chromeOf(request: FastifyRequest, reply: FastifyReply): Chrome {
  const session = request.session;
  return {
    lang: langOf(request, reply),
    path: request.url,
    ...(session
      ? { who: { principal: session.principal, campaignId: session.campaignId, csrfToken: session.csrfToken } }
      : {}),
  };
}

export const sendPage = (reply: FastifyReply, page: Html, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.text);

/**
 * What an action did, carried to the page it redirects to (post/redirect/get) in a short-lived
 * signed cookie: the words never travel in the URL.
 */
export function setFlash(reply: FastifyReply, flash: Flash): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify(flash), {
    path: '/console',
    httpOnly: true,
    sameSite: 'strict',
    signed: true,
    maxAge: 60,
  });
}

export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (raw === undefined) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/console' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const value = JSON.parse(unsigned.value) as Partial<Flash>;
    if ((value.kind === 'ok' || value.kind === 'refused') && typeof value.text === 'string') {
      return { kind: value.kind, text: value.text };
    }
  } catch {
    // A cookie that is not ours to read: no message.
  }
  return undefined;
}

/** An action's failure in words, as the API would answer it: the campaign's own reason, or the field. */
export function refusalText(error: unknown, campaignId: string): { status: number; text: string } {
  const { status, body } = httpErrorOf(error, campaignId);
  const field = body.error.field && !body.error.message.startsWith(body.error.field) ? `${body.error.field}: ` : '';
  return { status, text: `${field}${body.error.message}` };
}

/** The signed-in session, known to be there (the route's preHandler is requireSession). */
export const sessionOf = (request: FastifyRequest): ServiceSession => request.session as ServiceSession;

/** Where a holder starts: the office and leaders on the campaign, a unit on its own page. */
export function homeOf(session: ServiceSession): string {
  const base = `/console/c/${encodeURIComponent(session.campaignId)}`;
  if (session.principal === 'office') return `${base}/office`;
  if (session.principal.startsWith('leader:')) return `${base}/leader`;
  return `${base}/units/${encodeURIComponent(session.principal.slice('unit:'.length))}`;
}
