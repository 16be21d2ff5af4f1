import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { writeFileAtomic } from './atomic-file';

/**
 * With no SMTP server configured, messages go to a folder as real RFC 822 .eml files, built by
 * the same nodemailer composer that would have sent them, so what the office opens in a mail
 * client is byte-for-byte what would have been delivered.
 */

// streamTransport never opens a socket; `buffer` gives the whole message, CRLF as RFC 5322 requires.
const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export async function buildEml(mail: Mail.Options): Promise<Buffer> {
  const info = await composer.sendMail(mail);
  // With `buffer: true` nodemailer hands back a Buffer; the type also allows a stream.
  if (!Buffer.isBuffer(info.message)) throw new Error('nodemailer streamTransport did not return a buffer');
  return info.message;
}

export interface OutboxMessage {
  mail: Mail.Options;
  /** The file name without folder or extension; stable per message so a retry overwrites, never adds. */
  baseName: string;
}

/** Writes `<outboxDir>/<baseName>.eml` atomically and returns its path. */
export async function writeOutboxMessage(outboxDir: string, message: OutboxMessage): Promise<string> {
  const file = path.join(outboxDir, `${message.baseName}.eml`);
  await writeFileAtomic(file, await buildEml(message.mail));
  return file;
}
