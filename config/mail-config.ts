import path from 'node:path';
import { defaultDataDir } from './data-dir';
import { z } from 'zod';

/**
 * Where mail goes and where the mail activities keep their durable records. Read once from the
 * environment by the worker; tests build a MailConfig directly. Without SMTP_URL nothing is sent:
 * every message is written as an .eml file to the outbox, so a fresh clone can rehearse a campaign
 * and an office can read exactly what would have gone out.
 */
export interface MailConfig {
  /** nodemailer URL form, e.g. smtp://user:pass@host:587 or smtps://host:465; absent → outbox. */
  smtpUrl?: string;
  from: string;
  dataDir: string;
  outboxDir: string;
}

export const DEFAULT_MAIL_FROM = 'Campaign Office <campaign@localhost>';

const SmtpUrlSchema = z
  .string()
  .trim()
  .refine((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'must be a URL like smtp://user:pass@host:587 or smtps://host:465');

const AddressSchema = z.email();

/** Accepts `Name <addr@host>` or a bare address, as nodemailer does. */
const MailFromSchema = z
  .string()
  .trim()
  .refine((text) => {
    const match = /^(?:[^<>]*<([^<>\s]+)>|([^<>\s]+))$/.exec(text);
    const address = match?.[1] ?? match?.[2];
    return address !== undefined && AddressSchema.safeParse(address).success;
  }, 'must be an address like "Campaign Office <campaign@example.org>" or "campaign@example.org"');

const MailEnvSchema = z
  .object({
    SMTP_URL: z.preprocess((value) => (value === '' ? undefined : value), SmtpUrlSchema.optional()),
    MAIL_FROM: z.preprocess((value) => (value === '' ? undefined : value), MailFromSchema.optional()),
    CAMPAIGN_DATA_DIR: z.preprocess((value) => (value === '' ? undefined : value), z.string().optional()),
  })
  .refine((env) => env.SMTP_URL === undefined || env.MAIL_FROM !== undefined, {
    // Real mail sent as campaign@localhost is refused or lost by every receiving server.
    path: ['MAIL_FROM'],
    message: 'must be set when SMTP_URL is: real mail needs a real sender, e.g. "县信访局 <xfj@county.example>"',
  });

export class MailConfigError extends Error {
  override name = 'MailConfigError';
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`${variable} ${reason}`);
  }
}

/** Throws a MailConfigError naming the first bad variable; never echoes a value (SMTP_URL holds a password). */
export function loadMailConfig(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const parsed = MailEnvSchema.safeParse({
    SMTP_URL: env['SMTP_URL'],
    MAIL_FROM: env['MAIL_FROM'],
    CAMPAIGN_DATA_DIR: env['CAMPAIGN_DATA_DIR'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'mail configuration');
    throw new MailConfigError(variable, issue?.message ?? 'is invalid');
  }
  const dataDir = path.resolve(parsed.data.CAMPAIGN_DATA_DIR ?? defaultDataDir(env));
  return {
    ...(parsed.data.SMTP_URL === undefined ? {} : { smtpUrl: parsed.data.SMTP_URL }),
    from: parsed.data.MAIL_FROM ?? DEFAULT_MAIL_FROM,
    dataDir,
    outboxDir: path.join(dataDir, 'outbox'),
  };
}

/** For logs and the CLI: the SMTP target without its credentials. */
export function describeMailTarget(config: MailConfig): string {
  if (config.smtpUrl === undefined) return `outbox ${config.outboxDir}`;
  const url = new URL(config.smtpUrl);
  return `${url.protocol}//${url.host}`;
}
