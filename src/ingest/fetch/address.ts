/**
 * Which IP addresses a server-side fetcher must refuse: private, loopback, link-local, unique-local,
 * multicast, CGNAT, documentation and reserved ranges, IPv4 and IPv6 (incl. IPv4-mapped, NAT64 and
 * 6to4 forms that embed an IPv4 address). Pure functions, no DNS here (see http.ts for resolution).
 */
import { isIPv4, isIPv6 } from 'node:net';

// [first octets as a 32-bit number, prefix length, name]
const V4_BLOCKED: ReadonlyArray<[string, number, string]> = [
  ['0.0.0.0', 8, 'this network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function v4ToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return (((p[0] ?? 0) << 24) | ((p[1] ?? 0) << 16) | ((p[2] ?? 0) << 8) | (p[3] ?? 0)) >>> 0;
}

/** Why an IPv4 address is refused, or null when it is public. Example: "10.1.2.3" -> "private". */
function blockedV4(ip: string): string | null {
  const n = v4ToInt(ip);
  for (const [base, bits, name] of V4_BLOCKED) {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    if (((n & mask) >>> 0) === ((v4ToInt(base) & mask) >>> 0)) return name;
  }
  return null;
}

/** Parses an IPv6 address (with optional zone and embedded IPv4 tail) into 8 16-bit groups. */
export function parseIPv6(ip: string): number[] | null {
  let s = ip.replace(/^\[|\]$/g, '');
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!isIPv6(s)) return null;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // "::ffff:1.2.3.4" -> "::ffff:102:304": the dotted tail is two 16-bit groups
    const n = v4ToInt(last);
    s = `${s.slice(0, lastColon + 1)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const want = 8;
  const halves = s.split('::');
  const parse = (x: string | undefined): number[] => (x === undefined || x === '' ? [] : x.split(':').map((h) => parseInt(h, 16)));
  let groups: number[];
  if (halves.length === 2) {
    const a = parse(halves[0]);
    const b = parse(halves[1]);
    groups = [...a, ...new Array<number>(Math.max(0, want - a.length - b.length)).fill(0), ...b];
  } else groups = parse(halves[0]);
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

function embeddedV4(hi: number, lo: number): string {
  return `${hi >>> 8}.${hi & 0xff}.${lo >>> 8}.${lo & 0xff}`;
}

/** Why an IPv6 address is refused, or null when it is public. Example: "::ffff:127.0.0.1" -> "loopback". */
function blockedV6(ip: string): string | null {
  const g = parseIPv6(ip);
  if (g === null) return 'unparseable address';
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroTo4 = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (zeroTo4 && g5 === 0 && g6 === 0 && g7 === 0) return 'unspecified';
  if (zeroTo4 && g5 === 0 && g6 === 0 && g7 === 1) return 'loopback';
  if (zeroTo4 && g5 === 0xffff) return blockedV4(embeddedV4(g6, g7)) ?? null; // IPv4-mapped ::ffff:a.b.c.d
  if (zeroTo4 && g5 === 0) return 'IPv4-compatible (deprecated)'; // ::a.b.c.d
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return blockedV4(embeddedV4(g6, g7)); // NAT64
  if (g0 === 0x2002) return blockedV4(embeddedV4(g1, g2)); // 6to4 embeds an IPv4 address
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local (deprecated)';
  if ((g0 & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x0100 && g1 === 0 && g2 === 0 && g3 === 0) return 'discard-only';
  if (g0 === 0x2001 && g1 < 0x200) return 'IETF protocol assignments'; // 2001::/23 (Teredo, ORCHID, ...)
  return null;
}

/**
 * Why fetching from this IP address is refused ("loopback", "private", ...), or null when it is a
 * public address. Example: "192.168.1.10" -> "private"; "2a00:1450::1" -> null.
 * Throws on a string that is not an IP address (callers resolve names first).
 */
export function blockedAddressReason(ip: string): string | null {
  if (isIPv4(ip)) return blockedV4(ip);
  const bare = ip.replace(/^\[|\]$/g, '');
  if (isIPv6(bare.split('%')[0] ?? '')) return blockedV6(bare);
  throw new Error(`fetch/address: not an IP address: ${JSON.stringify(ip)}`);
}
