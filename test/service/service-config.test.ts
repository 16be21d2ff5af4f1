import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServiceConfig, ServiceConfigError } from '../../service/service-config';
import { SessionStore } from '../../service/session/session-store';

const dirs: string[] = [];
const dataDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the service's settings", () => {
  it('makes a session secret once, readable by its owner only, and keeps it across restarts', () => {
    const dir = dataDir();
    const first = loadServiceConfig({}, dir);
    const file = path.join(dir, 'service', 'session-secret');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(loadServiceConfig({}, dir).sessionSecret).toBe(first.sessionSecret);
    expect(first).toMatchObject({ port: 8088, host: '127.0.0.1', secureCookies: false });
  });

  it('takes the secret, port and host from the environment, and --port over them', () => {
    const env = {
      CAMPAIGN_SESSION_SECRET: 's'.repeat(40),
      CAMPAIGN_SERVICE_PORT: '9000',
      CAMPAIGN_SERVICE_HOST: '0.0.0.0',
    };
    expect(loadServiceConfig(env, dataDir())).toMatchObject({
      sessionSecret: 's'.repeat(40),
      port: 9000,
      host: '0.0.0.0',
    });
    expect(loadServiceConfig(env, dataDir(), { port: 7000 }).port).toBe(7000);
  });

  it.each([
    [{ CAMPAIGN_SERVICE_PORT: '70000' }, /CAMPAIGN_SERVICE_PORT/],
    [{ CAMPAIGN_SESSION_SECRET: 'short' }, /CAMPAIGN_SESSION_SECRET must be at least 32 characters/],
    [{ CAMPAIGN_SERVICE_SECURE_COOKIES: 'yes' }, /CAMPAIGN_SERVICE_SECURE_COOKIES/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadServiceConfig(env, dataDir())).toThrow(ServiceConfigError);
    expect(() => loadServiceConfig(env, dataDir())).toThrow(message);
  });
});

describe('sessions', () => {
  const credential = { campaignId: 'c', principal: 'unit:town-a' as const, token: 't'.repeat(43) };

  it('end at their expiry, and keep the credential out of what a request sees', () => {
    const store = new SessionStore(60_000);
    const session = store.create(credential, 1_000);
    expect(session).not.toHaveProperty('credential');
    expect(store.get(session.id, 60_999)).toMatchObject({ principal: 'unit:town-a' });
    expect(store.credentialOf(session, 60_999)).toEqual(credential);
    expect(store.get(session.id, 61_000)).toBeUndefined();
  });

  it('end when deleted, and give every session its own id and CSRF token', () => {
    const store = new SessionStore(60_000);
    const a = store.create(credential, 0);
    const b = store.create(credential, 0);
    expect(a.id).not.toBe(b.id);
    expect(a.csrfToken).not.toBe(b.csrfToken);
    store.delete(a.id);
    expect(store.get(a.id, 1)).toBeUndefined();
    expect(store.get(b.id, 1)).toBeDefined();
  });
});
