import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../config/project-root';
import { ASSET_BASE } from './pages/layout';

/**
 * The console's only assets, served by the service itself (no CDN: users' networks are often
 * closed): the style sheet from this folder (found from the project root, so the compiled CLI finds it too) and htmx from its npm package. Read once at start.
 */
const ASSETS = {
  'console.css': {
    file: path.join(projectRoot, 'service', 'console', 'assets', 'console.css'),
    type: 'text/css; charset=utf-8',
  },
  'htmx.min.js': {
    file: require.resolve('htmx.org/dist/htmx.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
} as const;

export function registerAssets(app: FastifyInstance): void {
  const loaded = Object.fromEntries(
    Object.entries(ASSETS).map(([name, asset]) => [name, { body: fs.readFileSync(asset.file), type: asset.type }]),
  );
  app.get<{ Params: { name: string } }>(`${ASSET_BASE}/:name`, async (request, reply) => {
    const asset = loaded[request.params.name];
    if (asset === undefined) return reply.code(404).type('text/plain; charset=utf-8').send('no such asset');
    return reply.type(asset.type).header('cache-control', 'public, max-age=3600').send(asset.body);
  });
}
