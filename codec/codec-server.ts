import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { z } from 'zod';

/**
 * Temporal's remote codec protocol, so the Temporal Web UI and CLI can show decrypted payloads to
 * people who may read them: POST /encode and /decode with `{"payloads": [...]}` in proto JSON
 * (bytes as base64). Only the UI's origin may call it from a browser.
 *
 * With a token set, a request must present it, in one of two ways:
 * - `Authorization: Bearer <token>`, which `temporal --codec-auth` and scripts send;
 * - as the first path segment (`/<token>/decode`). The Web UI cannot send a fixed header (its "pass
 *   access token" sends the user's OIDC token, over https only), but it appends `/decode` to
 *   whatever endpoint a person enters in their own browser's codec settings.
 */
const JsonPayloadSchema = z.object({
  metadata: z.record(z.string(), z.string()).optional(),
  data: z.string().optional(),
});
// Temporal's own clients send `{}` for an empty list (proto JSON leaves out empty fields).
const BodySchema = z.object({ payloads: z.array(JsonPayloadSchema).max(10_000).default([]) });
const MAX_BODY_BYTES = 20 * 1024 * 1024;

const TOKEN_NEEDED = '需要有效的令牌才能读取 campaign data (a valid token is needed to read campaign data)';
/**
 * A decode without the token answers each payload with this sentence instead of a 401. The Go SDK
 * (and so the stock `temporal` CLI) decodes replies inside its gRPC retry loop and retries any codec
 * error as gRPC `Unknown` until its 10-s deadline, then prints only "context deadline exceeded"; so a
 * 401 on decode can never reach the person. The sentence shows in place of every payload (CLI and Web
 * UI alike) and opens nothing. Encode answers 401: the CLI encodes outside that loop and prints it.
 */
const REFUSAL_PAYLOAD = {
  metadata: { encoding: Buffer.from('json/plain').toString('base64') },
  data: Buffer.from(JSON.stringify(TOKEN_NEEDED)).toString('base64'),
};
const REFUSAL_HEADER = { 'X-Codec-Refused': '401 a valid token is needed' };

export interface CodecServerOptions {
  codec: PayloadCodec;
  port: number;
  host?: string;
  /** The Temporal UI's origins allowed by CORS (the UI at localhost and at 127.0.0.1 are two). */
  origins: string[];
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

// Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

interface Route {
  action: 'encode' | 'decode' | undefined;
  presented: string | undefined;
}

// A malformed escape is a wrong token, not an exception that would take the server down.
function unescapeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

/** `/decode`, `/<token>/decode`; the token from the path, else from the Authorization header. */
function routeOf(request: http.IncomingMessage): Route {
  const segments = (request.url ?? '/').split('?')[0]?.split('/').filter(Boolean) ?? [];
  const last = segments.at(-1);
  const action = (last === 'encode' || last === 'decode') && segments.length <= 2 ? last : undefined;
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const fromPath = segments.length === 2 ? unescapeSegment(segments[0] ?? '') : undefined;
  return { action, presented: fromPath ?? bearer };
}

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
    // CORS names one origin per response: the caller's, when it is one of ours.
    const caller = request.headers.origin;
    const allowed = caller !== undefined && options.origins.includes(caller) ? caller : (options.origins[0] ?? '');
    const send = (status: number, body?: unknown, extra: Record<string, string> = {}) => {
      response.writeHead(status, {
        ...extra,
        'Access-Control-Allow-Origin': allowed,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Namespace',
        'Access-Control-Expose-Headers': 'X-Codec-Refused',
        'Access-Control-Allow-Credentials': 'true',
        Vary: 'Origin',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    // The browser's preflight carries no credentials; the POST that follows must.
    if (request.method === 'OPTIONS') return send(204);
    const { action, presented } = routeOf(request);
    if (action === undefined) return send(404, { error: 'POST /encode or /decode' });
    if (request.method !== 'POST') return send(405, { error: `POST /${action}` });
    const refused = options.token !== undefined && (presented === undefined || !sameSecret(presented, options.token));
    if (refused && action === 'encode') return send(401, { error: TOKEN_NEEDED });
    void (async () => {
      try {
        const parsed = BodySchema.safeParse(JSON.parse(await readBody(request)));
        if (!parsed.success) return send(400, { error: `payloads: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        if (refused) return send(200, { payloads: parsed.data.payloads.map(() => REFUSAL_PAYLOAD) }, REFUSAL_HEADER);
        const payloads = parsed.data.payloads.map(fromJson);
        const result =
          action === 'encode' ? await options.codec.encode(payloads) : await options.codec.decode(payloads);
        send(200, { payloads: result.map(toJson) });
      } catch (error) {
        if (!response.headersSent) send(400, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve(server));
  });
}
