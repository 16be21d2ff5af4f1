import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { isClearText } from '../contracts/clear-summary';
import type { Keyring } from './keyring';

/**
 * AES-256-GCM over whole payloads: the original payload (metadata and data) is serialised and
 * sealed, so the server sees neither the content nor its encoding. The key id travels in clear
 * metadata so a rotated keyring still opens old payloads. Payloads that are not encrypted (histories
 * from before encryption, or a peer without it) pass through decode unchanged.
 */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) => (bytes ? new TextDecoder().decode(bytes) : '');

/** A summary for operators (contracts/clear-summary.ts): a short JSON string that carries the mark. */
function isClearSummary(payload: Payload): boolean {
  if (text(payload.metadata?.['encoding']) !== 'json/plain' || (payload.data?.length ?? 0) > 8_192) return false;
  try {
    return isClearText(JSON.parse(text(payload.data)));
  } catch {
    return false;
  }
}

export class AesGcmPayloadCodec implements PayloadCodec {
  constructor(private readonly keyring: Keyring) {}

  // async: a failure must reject the promise the SDK awaits, not throw before it exists.
  async encode(payloads: Payload[]): Promise<Payload[]> {
    await Promise.resolve();
    const id = this.keyring.currentId;
    const key = this.keyring.keys.get(id);
    if (key === undefined) throw new Error(`the current codec key ${id} is missing from the keyring`);
    return payloads.map((payload) => {
      if (isClearSummary(payload)) return payload;
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID]: utf8(id) }, data: sealed };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    await Promise.resolve();
    return payloads.map((payload) => {
      if (text(payload.metadata?.['encoding']) !== ENCRYPTED_ENCODING) return payload;
      const id = text(payload.metadata?.[KEY_ID]);
      const key = this.keyring.keys.get(id);
      if (key === undefined) {
        throw new Error(
          `a payload was encrypted with key "${id}", which this keyring does not hold: add it to CAMPAIGN_CODEC_KEYS or the key file`,
        );
      }
      const data = Buffer.from(payload.data ?? []);
      let plain: Buffer;
      try {
        // A truncated payload fails here too (IV or tag too short), with the same message.
        if (data.length < IV_BYTES + TAG_BYTES) throw new Error('too short');
        const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
        decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
        plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
      } catch {
        throw new Error(
          `a payload sealed with key "${id}" failed its integrity check: it was altered, or the key differs`,
        );
      }
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
