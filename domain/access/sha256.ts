import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 of a string, as lowercase hex, computed by @noble/hashes: workflow code cannot reach
 * node:crypto and Web Crypto is asynchronous, so credential checks inside validators need a pure,
 * synchronous hash that the client (node:crypto, client/access/node-hash.ts) agrees with.
 *
 * The string is encoded as TextEncoder encodes it, which is also what node:crypto does with
 * `update(text, 'utf8')`: UTF-8, with a lone surrogate (a string no valid text holds) replaced by
 * U+FFFD. TextEncoder is a global in Node and in the workflow sandbox alike.
 */
const encoder = new TextEncoder();

export function sha256Hex(text: string): string {
  return bytesToHex(sha256(encoder.encode(text)));
}
