import { createHash } from 'node:crypto';

/**
 * node:crypto's SHA-256 of a string, far faster than the pure one for long chains. It encodes the
 * string as domain/access/sha256.ts does (UTF-8, a lone surrogate as U+FFFD), so the two agree on
 * every string; test/domain/access checks that.
 */
export const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
