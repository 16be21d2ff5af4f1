import type { DataConverter } from '@temporalio/common';
import path from 'node:path';
import { projectRoot } from '../config/project-root';
import { loadMailConfig } from '../config/mail-config';
import { AesGcmPayloadCodec } from './aes-gcm-codec';
import { loadKeyring, type Keyring } from './keyring';

/**
 * Failure messages and stack traces become payloads, so the codec encrypts them too. Workflow code
 * must be bundled with the same module (`bundleWorkflowsOnce` does), or workflow failures stay clear.
 */
export const FAILURE_CONVERTER_PATH = path.join(projectRoot, 'codec', 'failure-converter.js');

/** Every client and worker of the product encrypts with the same keyring (see keyring.ts). */
export function campaignKeyring(env: NodeJS.ProcessEnv = process.env): Keyring {
  return loadKeyring(env, loadMailConfig(env).dataDir);
}

export function campaignDataConverter(env: NodeJS.ProcessEnv = process.env): DataConverter {
  return {
    payloadCodecs: [new AesGcmPayloadCodec(campaignKeyring(env))],
    failureConverterPath: FAILURE_CONVERTER_PATH,
  };
}
