import { describe, expect, it } from 'vitest';
import { blockedAddressReason, parseIPv6 } from './address.js';

describe('blockedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.20.30.40', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'this network'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1%eth0', 'link-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fc00::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:192.168.0.5', 'private'],
    ['64:ff9b::10.0.0.1', 'private'],
    ['2002:0a00:0001::1', 'private'],
    ['[::1]', 'loopback'],
  ])('%s is refused (%s)', (ip, why) => {
    expect(blockedAddressReason(ip)).toBe(why);
  });
  it.each(['8.8.8.8', '172.32.0.1', '93.184.216.34', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8', '2606:4700::1111'])('%s is public', (ip) => {
    expect(blockedAddressReason(ip)).toBeNull();
  });
  it('throws on a host name (misuse: resolve first)', () => {
    expect(() => blockedAddressReason('example.com')).toThrow(/fetch\/address.*example\.com/);
  });
  it('parses compressed and dotted IPv6', () => {
    expect(parseIPv6('::ffff:1.2.3.4')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
    expect(parseIPv6('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  });
});
