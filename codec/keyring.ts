import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The keys that encrypt payloads (petitioners' details, report contents) before they reach the
 * Temporal server. The first key encrypts; every key decrypts, so a key can be rotated in front of
 * the old ones and the old ones retired once no running campaign's history needs them.
 *
 * Sources, in order: `CAMPAIGN_CODEC_KEYS` (`id:base64key,...`), `CAMPAIGN_CODEC_KEY_FILE` (JSON),
 * else a key generated once into the data folder (`codec-keys.json`, owner-only), so a local setup
 * is encrypted out of the box. Production sets the same keys on every worker and client; with
 * DATABASE_URL set (several hosts) a generated key is refused outright.
 */

export interface Keyring {
  currentId: string;
  keys: Map<string, Buffer>;
}

const KeyId = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, 'a key id uses letters, digits, ".", "_" or "-"');
const Key = z
  .string()
  .trim()
  // Buffer.from skips characters outside the alphabet, so a typo would otherwise pass silently.
  .regex(/^[A-Za-z0-9+/_-]+={0,2}$/, 'a key must be base64 (openssl rand -base64 32)')
  .transform((text) => Buffer.from(text, 'base64'))
  .refine((key) => key.length === 32, 'an AES-256 key is 32 bytes, base64-encoded (openssl rand -base64 32)');

const KeyFileSchema = z
  .object({ current: KeyId, keys: z.record(KeyId, Key) })
  .refine((file) => file.current in file.keys, { message: 'names a current key it does not hold', path: ['current'] });

export class CodecConfigError extends Error {
  override name = 'CodecConfigError';
}

function fail(variable: string, error: z.ZodError): never {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new CodecConfigError(`${variable}${where}: ${issue?.message ?? 'invalid'}`);
}

function fromList(text: string): Keyring {
  const entries = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (entries.length === 0) throw new CodecConfigError('CAMPAIGN_CODEC_KEYS: name at least one key as id:base64key');
  const keys = new Map<string, Buffer>();
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = KeyId.safeParse(colon < 0 ? '' : entry.slice(0, colon));
    if (!id.success) fail('CAMPAIGN_CODEC_KEYS', id.error);
    const key = Key.safeParse(entry.slice(colon + 1));
    if (!key.success) fail('CAMPAIGN_CODEC_KEYS', key.error);
    if (keys.has(id.data)) throw new CodecConfigError(`CAMPAIGN_CODEC_KEYS: key id ${id.data} appears twice`);
    keys.set(id.data, key.data);
  }
  return { currentId: [...keys.keys()][0] ?? '', keys };
}

function fromFile(file: string, variable: string): Keyring {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CodecConfigError(`${variable}: ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = KeyFileSchema.safeParse(raw);
  if (!parsed.success) fail(`${variable} ${file}`, parsed.error);
  return { currentId: parsed.data.current, keys: new Map(Object.entries(parsed.data.keys)) };
}

/** Told once, when a local key is created: whoever runs the worker should know where it lives. */
export type KeyCreatedLog = (message: string) => void;
const toStderr: KeyCreatedLog = (message) => process.stderr.write(`${message}\n`);

/**
 * Where a local setup keeps its generated key: beside the data folder, not in it (`.data-keys/`
 * next to `.data/`), so that a copy of the data folder (a backup, a folder shared for its outbox)
 * does not carry the key that opens every history. A key made in the data folder by an older
 * version is still used where it is.
 */
export function localKeyFile(dataDir: string): string {
  const legacy = path.join(dataDir, 'codec-keys.json');
  if (fs.existsSync(legacy)) return legacy;
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `${path.basename(resolved)}-keys`, 'codec-keys.json');
}

/** A key of its own for a local setup, written once and reused by every process using the folder. */
function localKeyring(dataDir: string, log: KeyCreatedLog): Keyring {
  const file = localKeyFile(dataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const content = { current: 'local-1', keys: { 'local-1': randomBytes(32).toString('base64') } };
    try {
      // `wx`: two processes starting at once must not each write a different key.
      fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      log(
        `codec: no CAMPAIGN_CODEC_KEYS or CAMPAIGN_CODEC_KEY_FILE, so payloads are encrypted with a new local key in ${file} (keep it: without it these histories cannot be read)`,
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return fromFile(file, 'codec key file');
}

export function loadKeyring(env: NodeJS.ProcessEnv, dataDir: string, log: KeyCreatedLog = toStderr): Keyring {
  const list = env['CAMPAIGN_CODEC_KEYS']?.trim();
  if (list) return fromList(list);
  const file = env['CAMPAIGN_CODEC_KEY_FILE']?.trim();
  if (file) return fromFile(file, 'CAMPAIGN_CODEC_KEY_FILE');
  if (env['SMTP_URL']?.trim()) {
    // Real mail means real people: their data deserves a key someone chose to keep, not one made on the fly.
    throw new CodecConfigError(
      'SMTP_URL is set, so the payload key must be configured: set CAMPAIGN_CODEC_KEY_FILE (a file outside the data folder) or CAMPAIGN_CODEC_KEYS',
    );
  }
  if (env['DATABASE_URL']?.trim()) {
    // Several hosts share one database; a key made here would be this host's alone, and every
    // other host would fail to read the histories it wrote.
    throw new CodecConfigError(
      'DATABASE_URL is set, so several hosts share this deployment and each must use the same payload key: set CAMPAIGN_CODEC_KEY_FILE (the same file on every host) or CAMPAIGN_CODEC_KEYS; no key is generated per host',
    );
  }
  return localKeyring(dataDir, log);
}
