import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec } from '../../codec/aes-gcm-codec';
import { startCodecServer } from '../../codec/codec-server';
import { loadKeyring } from '../../codec/keyring';
import { freePort } from '../../server/free-port';

const ORIGIN = 'http://localhost:8233';
const TOKEN = 'a-token/with+odd=characters';
const codec = new AesGcmPayloadCodec(
  loadKeyring({ CAMPAIGN_CODEC_KEYS: `k1:${randomBytes(32).toString('base64')}` }, os.tmpdir()),
);
const b64 = (text: string) => Buffer.from(text).toString('base64');
const plain = { metadata: { encoding: b64('json/plain') }, data: b64('{"petitioner":"张三"}') };

let server: http.Server;
let base: string;

beforeAll(async () => {
  const port = await freePort();
  server = await startCodecServer({ codec, port, origins: [ORIGIN, 'http://127.0.0.1:8233'], token: TOKEN });
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', 'X-Namespace': 'default', ...headers },
  });
const payloadsOf = async (response: Response) =>
  ((await response.json()) as { payloads: { metadata: Record<string, string>; data: string }[] }).payloads;

describe('the codec endpoint (Temporal remote codec protocol)', () => {
  it('encodes and decodes for a token holder, by header (CLI) or by endpoint path (Web UI)', async () => {
    const encoded = await post(`${base}/encode`, { payloads: [plain] }, { Authorization: `Bearer ${TOKEN}` });
    expect(encoded.status).toBe(200);
    const sealed = await payloadsOf(encoded);
    expect(Buffer.from(sealed[0]?.metadata['encoding'] ?? '', 'base64').toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed[0]?.data ?? '', 'base64').toString()).not.toContain('张三');

    const decoded = await post(`${base}/${encodeURIComponent(TOKEN)}/decode`, { payloads: sealed });
    expect(decoded.status).toBe(200);
    expect(decoded.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await payloadsOf(decoded)).toEqual([plain]);
  });

  it('refuses anyone without the token, and answers the browser preflight', async () => {
    const refused = await post(`${base}/encode`, { payloads: [plain] });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: string }).error).toContain('a valid token is needed');
    expect((await post(`${base}/encode`, {}, { Authorization: 'Bearer guess' })).status).toBe(401);
    // Decode answers the refusal in place of every payload (see the server: the Go CLI retries errors).
    for (const [url, headers] of [
      [`${base}/decode`, {}],
      [`${base}/decode`, { Authorization: 'Bearer guess' }],
      [`${base}/guess/decode`, {}],
      [`${base}/%E0%A4%A/decode`, {}],
    ] as const) {
      const answer = await post(url, { payloads: [plain, plain] }, headers);
      expect(answer.headers.get('x-codec-refused')).toMatch(/^401/);
      const texts = (await payloadsOf(answer)).map((p) => Buffer.from(p.data, 'base64').toString());
      expect(texts).toHaveLength(2);
      for (const text of texts) expect(text).toMatch(/^"需要有效的令牌.*a valid token is needed/);
      expect(texts.join()).not.toContain('张三');
    }
    const preflight = await fetch(`${base}/decode`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:8233' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/);
  });

  it('takes what the Go clients send for an empty list: `{}` and an empty array', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    for (const action of ['encode', 'decode']) {
      for (const body of [{}, { payloads: [] }]) {
        const answer = await post(`${base}/${action}`, body, auth);
        expect(answer.status).toBe(200);
        expect(await answer.json()).toEqual({ payloads: [] });
      }
    }
  });

  it('names what is wrong with a request', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    expect((await post(`${base}/other`, {}, auth)).status).toBe(404);
    expect((await fetch(`${base}/decode`, { headers: auth })).status).toBe(405);
    expect((await post(`${base}/decode`, 'not json', auth)).status).toBe(400);
    expect((await post(`${base}/decode`, { payloads: 'none' }, auth)).status).toBe(400);
    const forged = { metadata: { encoding: b64('binary/encrypted'), 'encryption-key-id': b64('k9') }, data: '' };
    const refused = await post(`${base}/decode`, { payloads: [forged] }, auth);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/key "k9"/);
  });
});
