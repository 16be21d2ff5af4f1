import { execFile } from 'node:child_process';
import type http from 'node:http';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AesGcmPayloadCodec } from '../../codec/aes-gcm-codec';
import { startCodecServer } from '../../codec/codec-server';
import { campaignKeyring } from '../../codec/data-converter';
import { campaignWorkflowId } from '../../contracts';
import { freePort } from '../../server/free-port';
import { temporalAddress } from '../helpers/temporal';
import { withCampaignWorker } from '../support/campaign-harness';
import { startOneUnitCampaign } from '../support/one-unit-campaign';

interface StartEvent {
  workflowExecutionStartedEventAttributes: { input: { payloads: { metadata: { encoding: string }; data: string }[] } };
}

const TOKEN = 'codec-token-for-the-cli';
let server: http.Server;
let endpoint: string;

beforeAll(async () => {
  const port = await freePort();
  server = await startCodecServer({
    codec: new AesGcmPayloadCodec(campaignKeyring()),
    port,
    origins: ['http://localhost:8233'],
    token: TOKEN,
  });
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The stock CLI; resolves with its exit code and output, whether it succeeded or not. */
async function stock(args: string[]): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  try {
    const { stdout, stderr } = await promisify(execFile)(inject('temporalCliPath'), [
      ...args,
      '--address',
      temporalAddress(),
    ]);
    return { code: 0, stdout, stderr, ms: Date.now() - started };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '', ms: Date.now() - started };
  }
}

describe('the codec endpoint behind the stock temporal CLI', () => {
  it('decodes query answers, descriptions and histories for a token holder, and tells others a token is needed, at once', async () => {
    await withCampaignWorker(async ({ client, taskQueue }) => {
      const { id, campaign } = await startOneUnitCampaign(client, taskQueue, 'codec-cli');
      const workflow = ['-w', campaignWorkflowId(id)];
      const withToken = ['--codec-endpoint', endpoint, '--codec-auth', `Bearer ${TOKEN}`];

      // No --input: the CLI asks the codec to encode an empty list, sent as `{}`.
      const query = await stock(['workflow', 'query', ...workflow, '--type', 'campaignInfo', ...withToken]);
      expect(query.stderr).toBe('');
      expect(query.stdout).toContain(id);
      const describe = await stock(['workflow', 'describe', ...workflow, '--output', 'json', ...withToken]);
      expect(describe.code).toBe(0);
      expect(describe.stdout).toContain('"title"');
      const show = await stock(['workflow', 'show', ...workflow, '--output', 'json', ...withToken]);
      expect(show.code).toBe(0);
      // The start event's input, decoded (the CLI prints payloads as proto JSON, data in base64).
      const started = (JSON.parse(show.stdout) as { events: StartEvent[] }).events[0];
      const input = started?.workflowExecutionStartedEventAttributes.input.payloads[0];
      expect(Buffer.from(input?.metadata.encoding ?? '', 'base64').toString()).toBe('json/plain');
      expect(Buffer.from(input?.data ?? '', 'base64').toString()).toContain('"startedBy":"office"');

      // Without the token: a query stops at once with the codec's 401 (Go prints its status text);
      // describe and show answer at once too, with the refusal in place of every payload.
      const noToken = ['--codec-endpoint', endpoint];
      const refused = await stock(['workflow', 'query', ...workflow, '--type', 'campaignInfo', ...noToken]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('Unauthorized');
      expect(refused.stderr).toContain('a valid token is needed');
      const described = await stock(['workflow', 'describe', ...workflow, '--output', 'json', ...noToken]);
      expect(described.code).toBe(0);
      expect(described.ms).toBeLessThan(8_000); // not the Go client's 10-s retry loop
      expect(described.stdout).toContain('"title": "需要有效的令牌才能读取 campaign data');
      const shown = await stock(['workflow', 'show', ...workflow, '--output', 'json', ...noToken]);
      expect(shown.code).toBe(0);
      expect(shown.ms).toBeLessThan(8_000);
      const sealed = (JSON.parse(shown.stdout) as { events: StartEvent[] }).events[0];
      const refusal = sealed?.workflowExecutionStartedEventAttributes.input.payloads[0]?.data ?? '';
      expect(Buffer.from(refusal, 'base64').toString()).toContain('a valid token is needed');
      expect(shown.stdout).not.toContain(Buffer.from('"startedBy"').toString('base64').slice(0, 12));
      await campaign.terminate('test over');
    });
  });
});
