import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING } from '../../codec/aes-gcm-codec';
import { CLEAR_MARK, clearSummary } from '../../contracts/clear-summary';
import { CodecConfigError, loadKeyring, type Keyring } from '../../codec/keyring';

const key = () => randomBytes(32).toString('base64');
const keyring = (spec: string): Keyring => loadKeyring({ CAMPAIGN_CODEC_KEYS: spec }, os.tmpdir());
const payload = (text: string): Payload => ({
  metadata: { encoding: new TextEncoder().encode('json/plain') },
  data: new TextEncoder().encode(JSON.stringify({ petitioner: text })),
});
const textOf = (p: Payload | undefined) => new TextDecoder().decode(p?.data ?? new Uint8Array());

describe('the AES-256-GCM payload codec', () => {
  it('seals a payload, metadata and all, and opens it again', async () => {
    const codec = new AesGcmPayloadCodec(keyring(`k1:${key()}`));
    const [sealed] = await codec.encode([payload('张三 13800000000')]);
    expect(new TextDecoder().decode(sealed?.metadata?.['encoding'])).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(sealed?.data ?? []).includes(Buffer.from('张三'))).toBe(false);
    expect(Buffer.from(sealed?.data ?? []).includes(Buffer.from('json/plain'))).toBe(false);
    const [opened] = await codec.decode(sealed ? [sealed] : []);
    expect(textOf(opened)).toContain('张三 13800000000');
    expect(new TextDecoder().decode(opened?.metadata?.['encoding'])).toBe('json/plain');
  });

  it('leaves only marked operator summaries in clear', async () => {
    const codec = new AesGcmPayloadCodec(keyring(`k1:${key()}`));
    const summary = clearSummary('宣传发动：2项材料');
    const json = (value: unknown): Payload => ({
      metadata: { encoding: new TextEncoder().encode('json/plain') },
      data: new TextEncoder().encode(JSON.stringify(value)),
    });
    const [clear, plainString, tooLong, object] = await codec.encode([
      json(summary),
      json('张三 13800000000'),
      json(`${CLEAR_MARK}${'长'.repeat(3_000)}`),
      json({ note: summary }),
    ]);
    expect(textOf(clear)).toBe(JSON.stringify(summary));
    for (const sealed of [plainString, tooLong, object])
      expect(new TextDecoder().decode(sealed?.metadata?.['encoding'])).toBe(ENCRYPTED_ENCODING);
  });

  it('opens payloads sealed with an older key after a new key is put in front (rotation)', async () => {
    const old = `old:${key()}`;
    const [sealed] = await new AesGcmPayloadCodec(keyring(old)).encode([payload('李四')]);
    const rotated = new AesGcmPayloadCodec(keyring(`new:${key()},${old}`));
    expect(textOf((await rotated.decode(sealed ? [sealed] : []))[0])).toContain('李四');
    const [fresh] = await rotated.encode([payload('王五')]);
    expect(new TextDecoder().decode(fresh?.metadata?.['encryption-key-id'])).toBe('new');
  });

  it('refuses a tampered payload and names a key it does not hold', async () => {
    const codec = new AesGcmPayloadCodec(keyring(`k1:${key()}`));
    const [sealed] = await codec.encode([payload('赵六')]);
    const bytes = Buffer.from(sealed?.data ?? []);
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    await expect(codec.decode([{ ...sealed, data: bytes }])).rejects.toThrow(/failed its integrity check/);
    await expect(codec.decode([{ ...sealed, data: bytes.subarray(0, 20) }])).rejects.toThrow(/integrity/);
    const stranger = new AesGcmPayloadCodec(keyring(`k2:${key()}`));
    await expect(stranger.decode(sealed ? [sealed] : [])).rejects.toThrow(/encrypted with key "k1"/);
  });

  it('passes unencrypted payloads through, so histories from before encryption still read', async () => {
    const codec = new AesGcmPayloadCodec(keyring(`k1:${key()}`));
    const plain = payload('旧数据');
    expect(await codec.decode([plain])).toEqual([plain]);
  });
});

describe('keyring configuration', () => {
  it.each([
    ['k1:c2hvcnQ=', /32 bytes/],
    [`k1:${key().slice(0, 20)}!${key().slice(21)}`, /must be base64/],
    [`k1:${key()},k1:${key()}`, /appears twice/],
    [`bad id:${key()}`, /key id/],
    ['nocolon', /key id/],
  ])('refuses CAMPAIGN_CODEC_KEYS=%s with a sentence naming the variable', (spec, message) => {
    expect(() => keyring(spec)).toThrow(CodecConfigError);
    expect(() => keyring(spec)).toThrow(message);
    expect(() => keyring(spec)).toThrow(/^CAMPAIGN_CODEC_KEYS/);
  });

  it('creates a local key once, readable by its owner only, and reuses it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codec-keys-'));
    try {
      const said: string[] = [];
      const first = loadKeyring({}, dir, (line) => said.push(line));
      const second = loadKeyring({}, dir, (line) => said.push(line));
      expect(said).toHaveLength(1); // one line, when the key is made
      // Beside the data folder, not in it: a copy of the data does not carry the key.
      const keyFile = path.join(`${dir}-keys`, 'codec-keys.json');
      expect(said[0]).toContain(keyFile);
      expect(fs.existsSync(path.join(dir, 'codec-keys.json'))).toBe(false);
      expect(second.keys.get(second.currentId)).toEqual(first.keys.get(first.currentId));
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(fs.statSync(`${dir}-keys`).mode & 0o777).toBe(0o700);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(`${dir}-keys`, { recursive: true, force: true });
    }
  });

  it('requires a configured key when a real mail server is configured', () => {
    expect(() => loadKeyring({ SMTP_URL: 'smtp://mail.example.org:587' }, os.tmpdir())).toThrow(
      /SMTP_URL is set, so the payload key must be configured/,
    );
  });

  it('reads a key file with a current key and older ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'codec-keys-'));
    try {
      const file = path.join(dir, 'keys.json');
      fs.writeFileSync(file, JSON.stringify({ current: 'b', keys: { a: key(), b: key() } }));
      const ring = loadKeyring({ CAMPAIGN_CODEC_KEY_FILE: file }, dir);
      expect(ring.currentId).toBe('b');
      expect([...ring.keys.keys()]).toEqual(['a', 'b']);
      fs.writeFileSync(file, JSON.stringify({ current: 'c', keys: { a: key() } }));
      expect(() => loadKeyring({ CAMPAIGN_CODEC_KEY_FILE: file }, dir)).toThrow(/current/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
