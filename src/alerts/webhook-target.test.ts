import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  checkWebhookUrl,
  DEFAULT_TARGET_POLICY,
  describeWebhookUrl,
  pinnedLookup,
  resolveWebhookTarget,
  WebhookTargetError,
  type ResolvedAddress,
  type WebhookTargetPolicy,
} from './webhook-target.js';

const resolvingTo =
  (...addresses: string[]) =>
  async (): Promise<ResolvedAddress[]> =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

function refusal(run: () => unknown): WebhookTargetError {
  try {
    run();
  } catch (error) {
    if (error instanceof WebhookTargetError) return error;
    throw error;
  }
  throw new Error('expected a WebhookTargetError');
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<WebhookTargetError> {
  const error = await run().then(
    () => new Error('expected a WebhookTargetError'),
    (e: unknown) => e,
  );
  if (error instanceof WebhookTargetError) return error;
  throw error;
}

describe('checkWebhookUrl', () => {
  it('refuses every special literal address by default, naming the URL and the reason', () => {
    const cases: [string, string][] = [
      ['http://127.0.0.1:8787/v1/query', '127.0.0.1 is a loopback address (this machine)'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address (where cloud metadata services answer)'],
      ['http://10.0.0.5/hook', '10.0.0.5 is a private address'],
      ['http://172.16.3.4/hook', '172.16.3.4 is a private address'],
      ['https://192.168.1.1/hook', '192.168.1.1 is a private address'],
      ['http://0.0.0.0:8080/', '0.0.0.0 is an unspecified address'],
      ['http://[::1]:9000/', '::1 is a loopback address (this machine)'],
      ['http://[fe80::1]/', 'fe80::1 is a link-local address'],
      ['http://[fd00::5]/', 'fd00::5 is a private address'],
      ['http://[::]/', ':: is an unspecified address'],
      ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is a loopback address'],
    ];
    for (const [url, reason] of cases) {
      const error = refusal(() => checkWebhookUrl(url, DEFAULT_TARGET_POLICY));
      expect(error.message, url).toContain(reason);
      expect(error.message, url).toMatch(/^webhook URL http/);
      expect(error.status).toBe(400);
      expect(error.code).toBe('webhook_target_refused');
    }
  });

  it('reads the other spellings of 127.0.0.1 as the URL standard does', () => {
    // 2130706433 = 127·2^24 + 1; 0x7f.1 is 127.0.0.1 too.
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/']) {
      expect(refusal(() => checkWebhookUrl(url, DEFAULT_TARGET_POLICY)).message).toContain('127.0.0.1 is a loopback address');
    }
  });

  it('says how to allow a refused address', () => {
    expect(refusal(() => checkWebhookUrl('http://10.0.0.5/', DEFAULT_TARGET_POLICY)).message).toContain(
      'set BEACON_WEBHOOK_ALLOW_PRIVATE=true or list the host or a range holding the address in BEACON_WEBHOOK_ALLOW',
    );
    expect(refusal(() => checkWebhookUrl('http://127.0.0.1/', DEFAULT_TARGET_POLICY)).message).not.toContain('ALLOW_PRIVATE');
  });

  it('allows only http and https', () => {
    for (const url of ['ftp://hooks.example/x', 'file:///etc/passwd', 'gopher://hooks.example/', 'javascript:alert(1)']) {
      expect(refusal(() => checkWebhookUrl(url, DEFAULT_TARGET_POLICY)).message, url).toMatch(/only http and https URLs are allowed/);
    }
    expect(refusal(() => checkWebhookUrl('not a url', DEFAULT_TARGET_POLICY)).message).toBe('webhook URL "not a url" refused: it is not a URL');
  });

  it('passes public addresses and host names (checked once resolved)', () => {
    expect(checkWebhookUrl('https://93.184.216.34/hook', DEFAULT_TARGET_POLICY).hostname).toBe('93.184.216.34');
    expect(checkWebhookUrl('https://hooks.example/beacon', DEFAULT_TARGET_POLICY).hostname).toBe('hooks.example');
  });

  it('lets the deployment allow private ranges, but not loopback or link-local with them', () => {
    const privateOk: WebhookTargetPolicy = { allowPrivate: true, allow: [] };
    expect(checkWebhookUrl('http://10.0.0.5/hook', privateOk).hostname).toBe('10.0.0.5');
    expect(checkWebhookUrl('http://[fd00::5]/hook', privateOk).hostname).toBe('[fd00::5]');
    expect(() => checkWebhookUrl('http://127.0.0.1/', privateOk)).toThrow(WebhookTargetError);
    expect(() => checkWebhookUrl('http://169.254.169.254/', privateOk)).toThrow(WebhookTargetError);
  });

  it('lets the deployment allow addresses and CIDR blocks by name', () => {
    const policy: WebhookTargetPolicy = { allowPrivate: false, allow: ['127.0.0.1', '10.1.0.0/16', '::1'] };
    expect(checkWebhookUrl('http://127.0.0.1:9000/', policy).port).toBe('9000');
    expect(checkWebhookUrl('http://10.1.200.3/', policy).hostname).toBe('10.1.200.3');
    expect(checkWebhookUrl('http://[::1]/', policy).hostname).toBe('[::1]');
    expect(() => checkWebhookUrl('http://127.0.0.2/', policy)).toThrow(WebhookTargetError);
    expect(() => checkWebhookUrl('http://10.2.0.1/', policy)).toThrow(WebhookTargetError);
  });
});

describe('describeWebhookUrl', () => {
  it('keeps the scheme, host and port, and hides the path, query and credentials', () => {
    expect(describeWebhookUrl(new URL('https://user:pw@hooks.slack.com/services/T0/B0/secret?x=1'))).toBe('https://hooks.slack.com/…');
    expect(describeWebhookUrl(new URL('http://10.0.0.5:8080'))).toBe('http://10.0.0.5:8080/');
  });
});

describe('resolveWebhookTarget', () => {
  it('refuses a host name that resolves to a special address, naming both', async () => {
    const error = await asyncRefusal(() => resolveWebhookTarget('https://hooks.example/x', DEFAULT_TARGET_POLICY, resolvingTo('169.254.169.254')));
    expect(error.message).toBe(
      'webhook URL https://hooks.example/… refused: hooks.example resolves to 169.254.169.254, a link-local address (where cloud metadata services answer); to send webhooks there, list the host or a range holding the address in BEACON_WEBHOOK_ALLOW',
    );
  });

  it('refuses the whole target when any one of its addresses is special', async () => {
    const error = await asyncRefusal(() => resolveWebhookTarget('https://hooks.example/x', DEFAULT_TARGET_POLICY, resolvingTo('93.184.216.34', '10.0.0.7')));
    expect(error.message).toContain('hooks.example resolves to 10.0.0.7, a private address');
  });

  it('keeps every public address it resolved', async () => {
    const target = await resolveWebhookTarget('https://Hooks.Example./x', DEFAULT_TARGET_POLICY, resolvingTo('93.184.216.34', '2606:2800:220:1::1'));
    expect(target.hostname).toBe('hooks.example');
    expect(target.addresses).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::1', family: 6 },
    ]);
  });

  it('refuses localhost by default with the system resolver, and allows it by name or by range', async () => {
    const error = await asyncRefusal(() => resolveWebhookTarget('http://localhost:9/hook', DEFAULT_TARGET_POLICY));
    expect(error.message).toMatch(/^webhook URL http:\/\/localhost:9\/… refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    const byName = await resolveWebhookTarget('http://localhost:9/hook', { allowPrivate: false, allow: ['localhost'] });
    expect(byName.addresses.length).toBeGreaterThan(0);
    const byRange = await resolveWebhookTarget('http://localhost:9/hook', { allowPrivate: false, allow: ['127.0.0.0/8', '::1/128'] });
    expect(byRange.addresses).toEqual(byName.addresses);
  });

  it('does not resolve a literal address, and refuses a host with no address', async () => {
    const neverCalled = async (): Promise<ResolvedAddress[]> => {
      throw new Error('resolved a literal address');
    };
    expect((await resolveWebhookTarget('http://93.184.216.34/', DEFAULT_TARGET_POLICY, neverCalled)).addresses).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect((await asyncRefusal(() => resolveWebhookTarget('http://empty.example/', DEFAULT_TARGET_POLICY, resolvingTo()))).message).toContain('empty.example resolves to no address');
  });
});

describe('pinnedLookup', () => {
  const target = { url: new URL('http://hooks.example/'), hostname: 'hooks.example', addresses: [{ address: '93.184.216.34', family: 4 as const }, { address: '2606:2800:220:1::1', family: 6 as const }] };
  const call = (hostname: string, options: { all?: boolean; family?: number }) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((resolve) =>
      pinnedLookup(target)(hostname, options, (error, address, family) => resolve({ error, address, family })),
    );

  it('answers the checked host name with the checked addresses only', async () => {
    expect(await call('hooks.example', { all: true })).toEqual({ error: null, address: target.addresses, family: undefined });
    expect(await call('hooks.example', {})).toMatchObject({ error: null, address: '93.184.216.34', family: 4 });
    expect(await call('HOOKS.example.', { family: 6 })).toMatchObject({ error: null, address: '2606:2800:220:1::1', family: 6 });
  });

  it('refuses any other host name', async () => {
    const answer = await call('metadata.internal', { all: true });
    expect(answer.error?.code).toBe('ENOTFOUND');
    expect(answer.error?.message).toBe('metadata.internal is not the checked webhook host hooks.example');
  });

  it('refuses a family it has no checked address of', async () => {
    const v4only = { ...target, addresses: [target.addresses[0]] };
    const answer = await new Promise<NodeJS.ErrnoException | null>((resolve) => pinnedLookup(v4only)('hooks.example', { family: 6 }, (error) => resolve(error)));
    expect(answer?.code).toBe('ENOTFOUND');
    expect(answer?.message).toBe('hooks.example has no checked IPv6 address');
  });
});
