import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { sha256Hex } from './sha256';

/**
 * Seals on the messages our own workflows send each other (a unit's progress and refused attempts,
 * the campaign's events). Anyone with namespace access can signal a workflow; only a sender that
 * holds the campaign's key, which travels only inside the encrypted workflow input, can seal. The
 * seal covers the channel, the sender, the recipients, a sequence number and the payload as it
 * travels, so a forged message fails the MAC, and a captured one sent again, to another unit or
 * out of order, fails the sequence or the recipient check.
 *
 * Pure (no node:crypto): the workflow sandbox computes and checks seals with @noble/hashes.
 */

export const MESSAGE_KEY_PATTERN = /^[0-9a-f]{64}$/;
export const MessageKeySchema = z.string().regex(MESSAGE_KEY_PATTERN, 'a message key is 64 hex digits');

/** Every unit of a broadcast, the campaign's units added later included. */
export const ALL_UNITS = '*';

export const SealSchema = z.object({
  /** The sending workflow: `campaign` or a unit id. */
  from: z.string().min(1).max(100),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  /** Recipients: `['campaign']`, a list of unit ids, or `['*']` for every unit. */
  to: z.array(z.string().max(100)).min(1).max(100_000),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Seal = z.infer<typeof SealSchema>;

export type SealRefusal = { code: 'unsealed_message' | 'forged_message' | 'replayed_message'; reason: string };
export type SealVerdict = { ok: true } | { ok: false; error: SealRefusal };

export interface SealedMessage {
  channel: string;
  from: string;
  seq: number;
  to: string[];
  payload: unknown;
}

/**
 * The payload is hashed once as JSON: the payload converter sends it as exactly this JSON and the
 * receiver parses it back in the same key order, so both ends hash the same text. The MAC then
 * covers a short line, so a broadcast to a thousand units hashes its events once.
 */
function sealedText(message: SealedMessage): string {
  const { channel, from, seq, to, payload } = message;
  return JSON.stringify([channel, from, to, seq, sha256Hex(JSON.stringify(payload) ?? 'undefined')]);
}

function macOf(keyHex: string, message: SealedMessage): string {
  return bytesToHex(hmac(sha256, hexToBytes(keyHex), new TextEncoder().encode(sealedText(message))));
}

export function sealMessage(keyHex: string, message: SealedMessage): Seal {
  return { from: message.from, seq: message.seq, to: message.to, mac: macOf(keyHex, message) };
}

/** Compares in time independent of where the texts differ, so the MAC cannot be guessed byte by byte. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

export interface SealCheck {
  channel: string;
  /** The receiving workflow: `campaign` or its unit id. */
  self: string;
  payload: unknown;
  seal: unknown;
  /** The highest sequence number taken on this channel, by sender; a sender absent before its first. */
  lastSeq: Readonly<Record<string, number>>;
}

/** Whether a message was sealed by a holder of the key, for this receiver, and is newer than the last one taken. */
export function checkSeal(keyHex: string, check: SealCheck): SealVerdict {
  const parsed = SealSchema.safeParse(check.seal);
  if (!parsed.success) {
    return refuse(
      'unsealed_message',
      `${check.channel} without a valid seal: only the campaign's own workflows send it`,
    );
  }
  const seal = parsed.data;
  // A run started without a key (a bug of its starter) takes nothing rather than failing its task.
  if (!MESSAGE_KEY_PATTERN.test(keyHex)) return refuse('forged_message', `${check.channel}: this run holds no key`);
  const message = { channel: check.channel, from: seal.from, seq: seal.seq, to: seal.to, payload: check.payload };
  if (!sameText(macOf(keyHex, message), seal.mac)) {
    return refuse('forged_message', `${check.channel} claiming to come from ${seal.from}: its seal does not match`);
  }
  if (!seal.to.includes(check.self) && !(seal.to.includes(ALL_UNITS) && check.self !== 'campaign')) {
    return refuse(
      'replayed_message',
      `${check.channel} sealed for ${seal.to.slice(0, 5).join(', ')}, sent to ${check.self}`,
    );
  }
  const last = Object.hasOwn(check.lastSeq, seal.from) ? check.lastSeq[seal.from] : undefined;
  if (last !== undefined && seal.seq <= last) {
    return refuse(
      'replayed_message',
      `${check.channel} number ${seal.seq} from ${seal.from} already taken (last ${last}): a replay or a late re-send`,
    );
  }
  return { ok: true };
}

const refuse = (code: SealRefusal['code'], reason: string): SealVerdict => ({
  ok: false,
  error: { code, reason: reason.slice(0, 500) },
});
