import path from 'node:path';
import { describe, expect, it } from 'vitest';
import os from 'node:os';
import { defaultDataDir } from '../../config/data-dir';
import { DEFAULT_MAIL_FROM, describeMailTarget, loadMailConfig } from '../../config/mail-config';

describe('mail configuration from the environment', () => {
  it('falls back to the outbox under the repository data folder when nothing is set', () => {
    const config = loadMailConfig({});
    expect(config.smtpUrl).toBeUndefined();
    expect(config.from).toBe(DEFAULT_MAIL_FROM);
    expect(config.dataDir).toBe(path.resolve(__dirname, '../../.data'));
    expect(config.outboxDir).toBe(path.join(config.dataDir, 'outbox'));
    expect(describeMailTarget(config)).toBe(`outbox ${config.outboxDir}`);
  });

  it("keeps an installed package's data in the user's data folder, not beside its sources", () => {
    const installed = '/usr/lib/node_modules/campaign-orchestrator';
    expect(defaultDataDir({}, installed)).toBe(path.join(os.homedir(), '.local', 'share', 'campaign-orchestrator'));
    expect(defaultDataDir({ XDG_DATA_HOME: '/srv/data' }, installed)).toBe('/srv/data/campaign-orchestrator');
    // A clone keeps `.data/` whatever XDG says: the README's paths stay true.
    expect(defaultDataDir({ XDG_DATA_HOME: '/srv/data' }, '/home/clerk/campaign')).toBe('/home/clerk/campaign/.data');
  });

  it('reads SMTP_URL, MAIL_FROM and CAMPAIGN_DATA_DIR', () => {
    const config = loadMailConfig({
      SMTP_URL: 'smtps://office:secret@mail.county.example:465',
      MAIL_FROM: '县信访局 <xfj@county.example>',
      CAMPAIGN_DATA_DIR: '/var/lib/campaign',
    });
    expect(config).toEqual({
      smtpUrl: 'smtps://office:secret@mail.county.example:465',
      from: '县信访局 <xfj@county.example>',
      dataDir: '/var/lib/campaign',
      outboxDir: '/var/lib/campaign/outbox',
    });
    expect(describeMailTarget(config)).toBe('smtps://mail.county.example:465');
  });

  it('treats an empty variable as unset', () => {
    expect(loadMailConfig({ SMTP_URL: '', MAIL_FROM: '' }).from).toBe(DEFAULT_MAIL_FROM);
  });

  it('refuses real mail without a sender of its own, naming MAIL_FROM', () => {
    const env = { SMTP_URL: 'smtp://office:hunter2@mail.county.example:587' };
    expect(() => loadMailConfig(env)).toThrow(/^MAIL_FROM must be set when SMTP_URL is/);
    expect(() => loadMailConfig({ ...env, MAIL_FROM: '' })).toThrow(/^MAIL_FROM must be set/);
    expect(() => loadMailConfig(env)).not.toThrow(/hunter2/);
    expect(loadMailConfig({ ...env, MAIL_FROM: 'xfj@county.example' }).from).toBe('xfj@county.example');
  });

  it.each([
    ['SMTP_URL', { SMTP_URL: 'http://user:hunter2@mail.example' }],
    ['SMTP_URL', { SMTP_URL: 'not a url' }],
    ['MAIL_FROM', { MAIL_FROM: 'Campaign Office <not-an-address>' }],
  ])('names %s when it is invalid, without echoing its value', (variable, env) => {
    expect(() => loadMailConfig(env)).toThrow(new RegExp(`^${variable} must be`));
    expect(() => loadMailConfig(env)).not.toThrow(/hunter2/);
  });
});
