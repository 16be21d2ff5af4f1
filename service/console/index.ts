import type { FastifyInstance } from 'fastify';
import type { ServiceDeps } from '../service-deps';

/** The web console's pages: a placeholder until the console's own module takes this file's place. */
export async function registerConsole(_app: FastifyInstance, _deps: ServiceDeps): Promise<void> {}
