import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config.js';

describe('readConfig: webhook targets', () => {
  it('allows no private address and nothing by name unless told', () => {
    const config = readConfig({});
    expect(config.webhookAllowPrivate).toBe(false);
    expect(config.webhookAllow).toEqual([]);
  });

  it('reads BEACON_WEBHOOK_ALLOW_PRIVATE as true or false', () => {
    expect(readConfig({ BEACON_WEBHOOK_ALLOW_PRIVATE: 'true' }).webhookAllowPrivate).toBe(true);
    expect(readConfig({ BEACON_WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
    expect(readConfig({ BEACON_WEBHOOK_ALLOW_PRIVATE: 'false' }).webhookAllowPrivate).toBe(false);
    expect(() => readConfig({ BEACON_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(new ConfigError('BEACON_WEBHOOK_ALLOW_PRIVATE must be true or false, got "yes"'));
  });

  it('reads BEACON_PUBLIC_URL as an http(s) address, and refuses anything else', () => {
    expect(readConfig({}).publicUrl).toBeUndefined();
    // A bare origin gains the trailing slash of its root path.
    expect(readConfig({ BEACON_PUBLIC_URL: 'https://beacon.example' }).publicUrl).toBe('https://beacon.example/');
    expect(() => readConfig({ BEACON_PUBLIC_URL: 'ftp://beacon.example/' })).toThrow(new ConfigError('BEACON_PUBLIC_URL must be an http(s) address such as https://beacon.example/, got "ftp://beacon.example/"'));
    expect(() => readConfig({ BEACON_PUBLIC_URL: 'beacon.example' })).toThrow(/BEACON_PUBLIC_URL must be an http\(s\) address/);
  });

  it('reads BEACON_WEBHOOK_ALLOW as a comma-separated list of hosts, addresses and CIDR blocks', () => {
    const config = readConfig({ BEACON_WEBHOOK_ALLOW: ' hooks.internal , 10.1.0.0/16,127.0.0.1,fd00::/8,::1, ' });
    expect(config.webhookAllow).toEqual(['hooks.internal', '10.1.0.0/16', '127.0.0.1', 'fd00::/8', '::1']);
    expect(Object.isFrozen(config.webhookAllow)).toBe(true);
  });

  it('refuses an entry that is none of those', () => {
    for (const entry of ['10.0.0.0/33', '::/129', 'hooks.internal/8', 'http://hooks.internal', 'bad_host', '10.0.0.0/8/1']) {
      expect(() => readConfig({ BEACON_WEBHOOK_ALLOW: `localhost,${entry}` }), entry).toThrow(`BEACON_WEBHOOK_ALLOW holds "${entry}"`);
    }
  });
});
