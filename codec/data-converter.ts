import type { DataConverter } from '@temporalio/common';
import { loadMailConfig } from '../config/mail-config';
import { AesGcmPayloadCodec } from './aes-gcm-codec';
import { loadKeyring, type Keyring } from './keyring';

/** Every client and worker of the product encrypts with the same keyring (see keyring.ts). */
export function campaignKeyring(env: NodeJS.ProcessEnv = process.env): Keyring {
  return loadKeyring(env, loadMailConfig(env).dataDir);
}

export function campaignDataConverter(env: NodeJS.ProcessEnv = process.env): DataConverter {
  return { payloadCodecs: [new AesGcmPayloadCodec(campaignKeyring(env))] };
}
