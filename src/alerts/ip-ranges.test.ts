import { describe, expect, it } from 'vitest';
import { classifyAddress, inCidr, parseCidr, parseIp } from './ip-ranges.js';

const kind = (text: string) => classifyAddress(parseIp(text)!);

describe('parseIp', () => {
  it('reads IPv4 as four bytes', () => {
    expect(parseIp('192.168.1.20')).toEqual({ family: 4, bytes: [192, 168, 1, 20] });
  });

  it('expands :: and splits 16-bit words into bytes', () => {
    // 2001:db8::ff00:42:8329 → 2001 0db8 0000 0000 0000 ff00 0042 8329
    expect(parseIp('2001:db8::ff00:42:8329')!.bytes).toEqual([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0x00, 0x00, 0x42, 0x83, 0x29]);
    expect(parseIp('::1')!.bytes).toEqual([...Array(15).fill(0), 1]);
    expect(parseIp('::')!.bytes).toEqual(Array(16).fill(0));
    expect(parseIp('fe80::')!.bytes).toEqual([0xfe, 0x80, ...Array(14).fill(0)]);
  });

  it('reads a dotted IPv4 tail, brackets and a zone', () => {
    expect(parseIp('::ffff:127.0.0.1')!.bytes).toEqual([...Array(10).fill(0), 0xff, 0xff, 127, 0, 0, 1]);
    expect(parseIp('[::1]')!.family).toBe(6);
    expect(parseIp('fe80::1%eth0')!.bytes).toEqual([0xfe, 0x80, ...Array(13).fill(0), 1]);
  });

  it('is null for what is not an address', () => {
    for (const text of ['localhost', '256.1.1.1', '1.2.3', '::g', '']) expect(parseIp(text), text).toBeNull();
  });
});

describe('parseCidr and inCidr', () => {
  it('matches on the prefix bits only', () => {
    const block = parseCidr('172.16.0.0/12')!;
    // /12 keeps the first 4 bits of the second byte: 16–31.
    expect(inCidr(parseIp('172.16.0.1')!, block)).toBe(true);
    expect(inCidr(parseIp('172.31.255.255')!, block)).toBe(true);
    expect(inCidr(parseIp('172.32.0.0')!, block)).toBe(false);
    expect(inCidr(parseIp('172.15.255.255')!, block)).toBe(false);
  });

  it('takes a bare address as a block of one, and never matches across families', () => {
    const one = parseCidr('10.1.2.3')!;
    expect(one.prefix).toBe(32);
    expect(inCidr(parseIp('10.1.2.3')!, one)).toBe(true);
    expect(inCidr(parseIp('10.1.2.4')!, one)).toBe(false);
    expect(inCidr(parseIp('::ffff:10.1.2.3')!, one)).toBe(false);
    expect(inCidr(parseIp('fd12::1')!, parseCidr('fc00::/7')!)).toBe(true);
    expect(inCidr(parseIp('fe00::1')!, parseCidr('fc00::/7')!)).toBe(false);
  });

  it('refuses prefixes past the family and malformed text', () => {
    for (const text of ['10.0.0.0/33', '::/129', '10.0.0.0/x', '10.0.0.0/8/8', 'example.com/8']) expect(parseCidr(text), text).toBeNull();
    expect(parseCidr('0.0.0.0/0')!.prefix).toBe(0);
  });
});

describe('classifyAddress', () => {
  it('names the special IPv4 ranges', () => {
    expect(kind('127.0.0.1')).toBe('loopback');
    expect(kind('127.255.0.9')).toBe('loopback');
    expect(kind('10.20.30.40')).toBe('private');
    expect(kind('172.20.0.1')).toBe('private');
    expect(kind('192.168.0.1')).toBe('private');
    expect(kind('100.100.100.200')).toBe('private');
    expect(kind('169.254.169.254')).toBe('link-local');
    expect(kind('0.0.0.0')).toBe('unspecified');
    expect(kind('224.0.0.251')).toBe('multicast');
    expect(kind('255.255.255.255')).toBe('reserved');
  });

  it('leaves public addresses alone, including the neighbours of the ranges', () => {
    for (const text of ['8.8.8.8', '93.184.216.34', '172.32.0.1', '192.169.0.1', '100.128.0.1', '169.255.0.1', '11.0.0.1', '2606:4700::1111']) {
      expect(kind(text), text).toBeNull();
    }
  });

  it('names the special IPv6 ranges', () => {
    expect(kind('::1')).toBe('loopback');
    expect(kind('::')).toBe('unspecified');
    expect(kind('fe80::1')).toBe('link-local');
    expect(kind('fd00:ec2::254')).toBe('private');
    expect(kind('fc00::1')).toBe('private');
    expect(kind('ff02::1')).toBe('multicast');
  });

  it('judges IPv6 forms that carry an IPv4 address by that address', () => {
    expect(kind('::ffff:127.0.0.1')).toBe('loopback');
    expect(kind('::ffff:a9fe:a9fe')).toBe('link-local'); // a9fe:a9fe = 169.254.169.254
    expect(kind('64:ff9b::10.0.0.1')).toBe('private');
    expect(kind('2002:7f00:1::')).toBe('loopback'); // 6to4 of 127.0.0.1
    expect(kind('::ffff:8.8.8.8')).toBeNull();
  });
});
