import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiRoute } from '../../contracts/service-api';
import type { ServiceContext } from '../service-context';
import { requireSession } from '../session/session-hooks';
import type { ServiceSession } from '../session/session-store';
import { parseOrThrow } from './parse';

/** What a handler gets: the parsed parts of the request and the session (every route here needs one). */
export interface Parsed {
  session: ServiceSession;
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  reply: FastifyReply;
}

export interface RouteDefinition extends ApiRoute {
  handle: (ctx: ServiceContext, parsed: Parsed) => Promise<unknown>;
}

/** Registers JSON routes: every one needs a session, parses its path and query with the contract first. */
export function registerRoutes(app: FastifyInstance, ctx: ServiceContext, routes: readonly RouteDefinition[]): void {
  for (const route of routes) {
    app.route({
      method: route.method.toUpperCase(),
      url: route.path,
      preHandler: requireSession,
      handler: async (request: FastifyRequest, reply: FastifyReply) => {
        const params = route.params ? parseOrThrow(route.params, request.params, 'path') : {};
        const query = route.query ? parseOrThrow(route.query, request.query, 'query') : {};
        const parsed: Parsed = {
          session: request.session as ServiceSession,
          params: params as Record<string, string>,
          query: query,
          body: request.body,
          reply,
        };
        const result = await route.handle(ctx, parsed);
        return reply.send(result);
      },
    });
  }
}
