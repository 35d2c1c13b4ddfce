// IP addresses as bytes, CIDR blocks, and the special-purpose ranges a webhook
// must not reach by default (RFC 6890's registry, the parts that matter for
// server-side request forgery). IPv6 forms that carry an IPv4 address
// (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address. Pure.
import { isIP } from 'node:net';

export interface IpAddress {
  readonly family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  readonly bytes: readonly number[];
}

export interface CidrBlock {
  readonly family: 4 | 6;
  readonly bytes: readonly number[];
  readonly prefix: number;
}

/** Why an address is not an ordinary public unicast one. */
export type AddressKind = 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

/**
 * The address's bytes, or null when `text` is not an IP address. Brackets and
 * an IPv6 zone (`fe80::1%eth0`) are dropped.
 *
 * @example
 * parseIp('::ffff:127.0.0.1') // → { family: 6, bytes: [0, …, 0, 255, 255, 127, 0, 0, 1] }
 */
export function parseIp(text: string): IpAddress | null {
  const plain = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(plain);
  if (family === 4) return { family, bytes: plain.split('.').map(Number) };
  if (family === 6) return { family, bytes: ipv6Bytes(plain) };
  return null;
}

function ipv6Bytes(text: string): number[] {
  // A dotted IPv4 tail (`::ffff:1.2.3.4`) is the last two 16-bit words.
  const hex = text.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_all, a: string, b: string, c: string, d: string) =>
    `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`,
  );
  const words = (part: string) => (part === '' ? [] : part.split(':').map((w) => parseInt(w, 16)));
  const [head, tail] = hex.split('::');
  const all = tail === undefined ? words(head) : [...words(head), ...Array<number>(8 - words(head).length - words(tail).length).fill(0), ...words(tail)];
  return all.flatMap((w) => [w >> 8, w & 0xff]);
}

/**
 * A block from `10.0.0.0/8`, `fc00::/7` or a bare address (a block of one);
 * null when the text is neither.
 */
export function parseCidr(text: string): CidrBlock | null {
  const [address, prefixText, ...extra] = text.trim().split('/');
  const ip = parseIp(address);
  if (!ip || extra.length > 0) return null;
  const max = ip.family === 4 ? 32 : 128;
  if (prefixText === undefined) return { ...ip, prefix: max };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return null;
  return { ...ip, prefix: Number(prefixText) };
}

/** Whether the first `prefix` bits of the address match the block's. */
export function inCidr(ip: IpAddress, block: CidrBlock): boolean {
  if (ip.family !== block.family) return false;
  for (let bit = 0; bit < block.prefix; bit += 8) {
    const mask = block.prefix - bit >= 8 ? 0xff : (0xff << (8 - (block.prefix - bit))) & 0xff;
    if ((ip.bytes[bit / 8] & mask) !== (block.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

const block = (text: string): CidrBlock => parseCidr(text)!;

const IPV4_RANGES: readonly (readonly [CidrBlock, AddressKind])[] = [
  [block('0.0.0.0/8'), 'unspecified'],
  [block('127.0.0.0/8'), 'loopback'],
  [block('10.0.0.0/8'), 'private'],
  [block('172.16.0.0/12'), 'private'],
  [block('192.168.0.0/16'), 'private'],
  // Carrier-grade NAT space; also where some clouds keep their metadata service (100.100.100.200).
  [block('100.64.0.0/10'), 'private'],
  // Cloud metadata services (169.254.169.254) live here.
  [block('169.254.0.0/16'), 'link-local'],
  [block('224.0.0.0/4'), 'multicast'],
  [block('240.0.0.0/4'), 'reserved'],
];

const IPV6_RANGES: readonly (readonly [CidrBlock, AddressKind])[] = [
  [block('::/128'), 'unspecified'],
  [block('::1/128'), 'loopback'],
  [block('fe80::/10'), 'link-local'],
  [block('fc00::/7'), 'private'],
  [block('fec0::/10'), 'private'],
  [block('ff00::/8'), 'multicast'],
];

/** IPv6 blocks whose addresses embed an IPv4 address, and where it sits. */
const EMBEDDING_IPV4: readonly (readonly [CidrBlock, number])[] = [
  [block('::ffff:0:0/96'), 12],
  [block('::/96'), 12],
  [block('64:ff9b::/96'), 12],
  [block('2002::/16'), 2],
];

/**
 * What makes the address special, or null for an ordinary public unicast
 * address.
 *
 * @example
 * classifyAddress(parseIp('169.254.169.254')!) // → 'link-local'
 * classifyAddress(parseIp('::ffff:10.1.2.3')!) // → 'private'
 * classifyAddress(parseIp('93.184.216.34')!)   // → null
 */
export function classifyAddress(ip: IpAddress): AddressKind | null {
  if (ip.family === 4) return IPV4_RANGES.find(([range]) => inCidr(ip, range))?.[1] ?? null;
  const own = IPV6_RANGES.find(([range]) => inCidr(ip, range));
  if (own) return own[1];
  const embedding = EMBEDDING_IPV4.find(([range]) => inCidr(ip, range));
  if (!embedding) return null;
  const offset = embedding[1];
  return classifyAddress({ family: 4, bytes: ip.bytes.slice(offset, offset + 4) });
}
