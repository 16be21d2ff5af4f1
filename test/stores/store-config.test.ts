import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { CodecConfigError, loadKeyring } from '../../codec/keyring';
import { describeStoreConfig, loadStoreConfig, StoreConfigError } from '../../stores';

const folders = { dataDir: '/var/lib/campaign', outboxDir: '/var/lib/campaign/outbox' };

describe('where shared state lives', () => {
  it('stays in the data folder when no database is named', () => {
    expect(loadStoreConfig({}, folders)).toEqual({ kind: 'folder', ...folders });
    expect(loadStoreConfig({ DATABASE_URL: '  ' }, folders).kind).toBe('folder');
  });

  it('moves to PostgreSQL with DATABASE_URL, and never prints its password', () => {
    const config = loadStoreConfig(
      { DATABASE_URL: 'postgres://campaign:s3cret@db.internal:5433/campaign', CAMPAIGN_DATABASE_POOL_SIZE: '4' },
      folders,
    );
    expect(config).toMatchObject({ kind: 'postgres', poolSize: 4 });
    expect(describeStoreConfig(config)).toBe('PostgreSQL db.internal:5433/campaign');
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/campaign' }, /^DATABASE_URL must be a URL like postgres:/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ DATABASE_URL: 'postgres://db/c', CAMPAIGN_DATABASE_POOL_SIZE: '0' }, /^CAMPAIGN_DATABASE_POOL_SIZE must be 1/],
    [{ DATABASE_URL: 'postgres://db/c', CAMPAIGN_DATABASE_POOL_SIZE: 'many' }, /^CAMPAIGN_DATABASE_POOL_SIZE/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadStoreConfig(env, folders)).toThrow(StoreConfigError);
    expect(() => loadStoreConfig(env, folders)).toThrow(message);
  });
});

describe('payload keys on several hosts', () => {
  it('refuses to make a key of its own when the hosts share a database', () => {
    const env = { DATABASE_URL: 'postgres://db.internal/campaign' };
    expect(() => loadKeyring(env, os.tmpdir(), () => {})).toThrow(CodecConfigError);
    expect(() => loadKeyring(env, os.tmpdir(), () => {})).toThrow(/same payload key.*no key is generated per host/);
  });

  it('takes the shared key every host is given', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const ring = loadKeyring({ DATABASE_URL: 'postgres://db/c', CAMPAIGN_CODEC_KEYS: `shared-1:${key}` }, os.tmpdir());
    expect(ring.currentId).toBe('shared-1');
  });
});
