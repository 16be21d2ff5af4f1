import http from 'node:http';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';

/**
 * Temporal's remote codec protocol, so the Temporal Web UI can show decrypted payloads to people
 * who may read them: POST /encode and /decode with `{"payloads": [...]}` in proto JSON (bytes as
 * base64). With a token set, a request must carry `Authorization: Bearer <token>`; the UI sends it
 * when its codec settings say so. Only the UI's origin may call it from a browser.
 */
const JsonPayloadSchema = z.object({
  metadata: z.record(z.string(), z.string()).optional(),
  data: z.string().optional(),
});
const BodySchema = z.object({ payloads: z.array(JsonPayloadSchema).max(10_000) });
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface CodecServerOptions {
  codec: PayloadCodec;
  port: number;
  host?: string;
  /** The Temporal UI's origin, allowed by CORS. */
  origin: string;
  token?: string;
}

const fromJson = (p: z.infer<typeof JsonPayloadSchema>): Payload => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
  data: Buffer.from(p.data ?? '', 'base64'),
});

const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(
    Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
  ),
  data: Buffer.from(p.data ?? []).toString('base64'),
});

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function startCodecServer(options: CodecServerOptions): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const send = (status: number, body?: unknown) => {
      response.writeHead(status, {
        'Access-Control-Allow-Origin': options.origin,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Namespace',
        'Access-Control-Allow-Credentials': 'true',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (request.method === 'OPTIONS') return send(200);
    const route = request.url?.split('?')[0];
    if (request.method !== 'POST' || (route !== '/encode' && route !== '/decode')) {
      return send(404, { error: 'POST /encode or /decode' });
    }
    if (options.token !== undefined && request.headers.authorization !== `Bearer ${options.token}`) {
      return send(401, { error: 'a valid bearer token is needed to read campaign data' });
    }
    void (async () => {
      try {
        const parsed = BodySchema.safeParse(JSON.parse(await readBody(request)));
        if (!parsed.success) return send(400, { error: `payloads: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        const payloads = parsed.data.payloads.map(fromJson);
        const result =
          route === '/encode' ? await options.codec.encode(payloads) : await options.codec.decode(payloads);
        send(200, { payloads: result.map(toJson) });
      } catch (error) {
        send(400, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
  });
}
