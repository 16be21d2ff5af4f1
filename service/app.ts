import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { API_ROUTES, OTHER_ROUTES } from './api/routes';
import { LEDGER_IMPORT_ROUTE, LEDGER_ROUTES, registerLedgerImportRoute } from './api/ledger-routes';
import { OFFICE_ROUTES } from './api/office-routes';
import { registerRoutes } from './api/route-table';
import { httpErrorOf, sendError } from './api/http-errors';
import { MULTIPART_LIMITS, registerSubmitRoute } from './api/submit-route';
import { registerConsole } from './console';
import { openApiDocument } from './openapi';
import type { ServiceDeps } from './service-deps';
import { registerSessionHooks } from './session/session-hooks';
import { registerSessionRoutes } from './session/session-routes';

export type { ServiceDeps } from './service-deps';

// JSON bodies are small (an approval, a return, a case event); files travel as multipart.
const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * The campaign service as a Fastify app, not yet listening: `campaign serve` listens with it, the
 * tests `inject` into it. The console (service/console) adds its pages to the same app.
 */
export async function buildServiceApp(deps: ServiceDeps): Promise<FastifyInstance> {
  const { ctx } = deps;
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: JSON_BODY_LIMIT, trustProxy: false });
  await app.register(cookie, { secret: deps.sessionSecret });
  await app.register(multipart, { limits: MULTIPART_LIMITS });
  registerSessionHooks(app, ctx);
  app.setErrorHandler(async (error, request, reply) => {
    const campaignId = (request.params as { campaignId?: unknown } | undefined)?.campaignId;
    const fastifyStatus = (error as { statusCode?: unknown }).statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      // Fastify's own refusals: a body too large, an unsupported type, malformed JSON.
      const code = (error as { code?: unknown }).code;
      return sendError(reply, fastifyStatus, typeof code === 'string' ? code : 'bad_request', (error as Error).message);
    }
    const { status, body } = httpErrorOf(error, typeof campaignId === 'string' ? campaignId : undefined);
    if (status >= 500) request.log.error(error);
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler(async (request, reply) =>
    sendError(
      reply,
      404,
      'no_route',
      `no ${request.method} ${request.url.split('?')[0] ?? ''} here; see /api/openapi.json`,
    ),
  );
  registerSessionRoutes(app, ctx, { secure: deps.secureCookies === true });
  const jsonRoutes = [...API_ROUTES, ...LEDGER_ROUTES, ...OFFICE_ROUTES];
  registerRoutes(app, ctx, jsonRoutes);
  registerSubmitRoute(app, ctx);
  registerLedgerImportRoute(app, ctx);
  const document = openApiDocument([...OTHER_ROUTES, ...jsonRoutes, LEDGER_IMPORT_ROUTE]);
  app.get('/api/openapi.json', (_request, reply) => reply.send(document));
  app.get('/api/health', (_request, reply) => reply.send({ ok: true }));
  await registerConsole(app, deps);
  return app;
}
