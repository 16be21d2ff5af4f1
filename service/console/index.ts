import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../service-deps';
import { registerAssets } from './assets-route';
import { registerCaseRoutes } from './case-routes';
import { addFormParser } from './form-body';
import { registerLeaderRoutes } from './leader-routes';
import { registerOfficeControls } from './office-controls';
import { registerOfficeRoutes } from './office-routes';
import { registerReceptionRoutes } from './reception-routes';
import { homeOf } from './page-context';
import { registerSignInRoutes } from './sign-in-routes';
import { registerUnitRoutes } from './unit-routes';

/**
 * The web console (docs/console.md): server-rendered pages for leaders, units and the office on the
 * service's own app, reading the same views the JSON API answers from. Its routes sit in their own
 * plugin scope, so the form parser it adds does not reach the API.
 */
export async function registerConsole(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  registerAssets(app);
  await app.register((scope, _options, done) => {
    addFormParser(scope);
    scope.get('/', async (_request, reply) => reply.redirect('/console', 302));
    scope.get('/console', async (request, reply) =>
      reply.redirect(request.session ? homeOf(request.session) : '/sign-in', 302),
    );
    registerSignInRoutes(scope, deps);
    registerLeaderRoutes(scope, deps.ctx);
    registerUnitRoutes(scope, deps.ctx);
    registerCaseRoutes(scope, deps.ctx);
    registerOfficeRoutes(scope, deps);
    registerOfficeControls(scope, deps.ctx);
    registerReceptionRoutes(scope, deps.ctx);
    done();
  });
}
