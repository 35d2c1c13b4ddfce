// Where a webhook may be sent: an http(s) URL whose host resolves only to
// public addresses, unless the deployment allows more. The host is resolved
// once per attempt and the connection is made to exactly the addresses that
// were checked (`pinnedLookup`), so a name that re-resolves to 127.0.0.1 or
// 169.254.169.254 between the check and the connect (DNS rebinding) is not
// followed there.
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import { ValidationError } from '../core/errors.js';
import { classifyAddress, inCidr, parseCidr, parseIp, type AddressKind, type CidrBlock } from './ip-ranges.js';

/** What a deployment lets webhooks reach beyond public addresses. */
export interface WebhookTargetPolicy {
  /** Private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7). Loopback and link-local need `allow`. */
  readonly allowPrivate: boolean;
  /** Host names (exact) and addresses or CIDR blocks (`10.1.0.0/16`, `127.0.0.1`) allowed whatever their range. */
  readonly allow: readonly string[];
}

export const DEFAULT_TARGET_POLICY: WebhookTargetPolicy = Object.freeze({ allowPrivate: false, allow: [] });

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** A checked target: the URL, its host name and every address it may be reached at. */
export interface WebhookTarget {
  readonly url: URL;
  readonly hostname: string;
  readonly addresses: readonly ResolvedAddress[];
}

/** Resolves a host name to all its addresses (by default the system resolver, as a connection would). */
export type ResolveHost = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** 400: the webhook URL is not one Beacon may send to; `details.reason` says why. */
export class WebhookTargetError extends ValidationError {
  constructor(url: string, reason: string) {
    super(`webhook URL ${url} refused: ${reason}`, { url, reason }, 'webhook_target_refused');
  }
}

const KIND_NAMES: Record<AddressKind, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private address',
  'link-local': 'a link-local address (where cloud metadata services answer)',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/**
 * The URL as error messages name it: scheme, host and port only. The path is
 * left out because it often is the secret (Slack's incoming webhooks), and
 * so are credentials and the query.
 *
 * @example
 * describeWebhookUrl('https://user:pw@hooks.example/services/T0/B0/xyz?k=1') // → 'https://hooks.example/…'
 */
export function describeWebhookUrl(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' && !url.search ? '/' : '/…'}`;
}

/**
 * The URL when it is http(s) and its host, if written as an IP address, is
 * allowed; throws `WebhookTargetError` otherwise. Host names are checked
 * once resolved (`resolveWebhookTarget`).
 *
 * @example
 * checkWebhookUrl('http://169.254.169.254/latest/meta-data', DEFAULT_TARGET_POLICY)
 * // throws: webhook URL http://169.254.169.254/… refused: 169.254.169.254 is a link-local address …
 */
export function checkWebhookUrl(text: string, policy: WebhookTargetPolicy): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookTargetError(JSON.stringify(text.slice(0, 80)), 'it is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new WebhookTargetError(describeWebhookUrl(url), `only http and https URLs are allowed, not ${url.protocol.slice(0, -1)}`);
  const host = hostOf(url);
  const literal = parseIp(host);
  if (literal) checkAddress(url, host, { address: host, family: literal.family }, policy);
  return url;
}

/**
 * Checks the URL, resolves its host once and checks every address it
 * resolves to: one address outside the policy refuses the whole target.
 *
 * @example
 * await resolveWebhookTarget('http://localhost:9000/hook', { allowPrivate: false, allow: ['localhost'] })
 * // → { url, hostname: 'localhost', addresses: [{ address: '127.0.0.1', family: 4 }] }
 */
export async function resolveWebhookTarget(text: string, policy: WebhookTargetPolicy, resolveHost: ResolveHost = systemResolve): Promise<WebhookTarget> {
  const url = checkWebhookUrl(text, policy);
  const hostname = hostOf(url);
  const literal = parseIp(hostname);
  // A literal address was checked with the URL; a connection to it does no lookup.
  const addresses: readonly ResolvedAddress[] = literal ? [{ address: hostname, family: literal.family }] : await resolveHost(hostname);
  if (addresses.length === 0) throw new WebhookTargetError(describeWebhookUrl(url), `${hostname} resolves to no address`);
  if (!literal) for (const address of addresses) checkAddress(url, hostname, address, policy);
  return { url, hostname, addresses };
}

/**
 * A `lookup` for node:net that answers the target's host name with the
 * addresses already checked, and refuses any other name.
 */
export function pinnedLookup(target: WebhookTarget): LookupFunction {
  return (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const addresses = target.addresses.filter((a) => !family || a.family === family);
    if (normalizeHost(hostname) !== target.hostname || addresses.length === 0) {
      const why = addresses.length === 0 ? `has no checked IPv${family} address` : `is not the checked webhook host ${target.hostname}`;
      const error: NodeJS.ErrnoException = new Error(`${hostname} ${why}`);
      error.code = 'ENOTFOUND';
      callback(error, '', 4);
    } else if (options.all) callback(null, addresses.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, addresses[0].address, addresses[0].family);
  };
}

function checkAddress(url: URL, hostname: string, resolved: ResolvedAddress, policy: WebhookTargetPolicy): void {
  const ip = parseIp(resolved.address);
  if (!ip) throw new WebhookTargetError(describeWebhookUrl(url), `${hostname} resolves to ${resolved.address}, which is not an IP address`);
  const kind = classifyAddress(ip);
  if (kind === null || (kind === 'private' && policy.allowPrivate)) return;
  const allowed = allowList(policy);
  if (allowed.hosts.has(hostname) || allowed.blocks.some((block) => inCidr(ip, block))) return;
  const what = hostname === resolved.address ? `${resolved.address} is` : `${hostname} resolves to ${resolved.address},`;
  const how = `${kind === 'private' ? 'set BEACON_WEBHOOK_ALLOW_PRIVATE=true or ' : ''}list the host or a range holding the address in BEACON_WEBHOOK_ALLOW`;
  throw new WebhookTargetError(describeWebhookUrl(url), `${what} ${KIND_NAMES[kind]}; to send webhooks there, ${how}`);
}

interface AllowList {
  hosts: Set<string>;
  blocks: CidrBlock[];
}

const allowLists = new WeakMap<WebhookTargetPolicy, AllowList>();

function allowList(policy: WebhookTargetPolicy): AllowList {
  let list = allowLists.get(policy);
  if (!list) {
    list = { hosts: new Set(), blocks: [] };
    for (const entry of policy.allow) {
      const block = parseCidr(entry);
      if (block) list.blocks.push(block);
      else list.hosts.add(normalizeHost(entry));
    }
    allowLists.set(policy, list);
  }
  return list;
}

function hostOf(url: URL): string {
  return normalizeHost(url.hostname.replace(/^\[|\]$/g, ''));
}

function normalizeHost(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

async function systemResolve(hostname: string): Promise<readonly ResolvedAddress[]> {
  const found = await dnsLookup(hostname, { all: true, verbatim: true });
  return found.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}
