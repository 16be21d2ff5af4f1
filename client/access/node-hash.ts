import { createHash } from 'node:crypto';

/** node:crypto's SHA-256, identical to domain/access/sha256.ts and far faster for long chains. */
export const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
