import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parseCidrs(ranges: readonly string[]): Cidr[] {
  return ranges.map((range) => ipaddr.parseCIDR(range));
}

/**
 * IPv4 ranges a callback must never reach, from the IANA special-purpose
 * registry. Cloud metadata services live inside them: 169.254.169.254
 * (AWS, GCP, Azure) in link-local, 100.100.100.200 (Alibaba) in CGNAT and
 * 192.0.0.192 (Oracle) in the IETF protocol block.
 */
const REFUSED_IPV4 = parseCidrs([
  '0.0.0.0/8', // "this network", and 0.0.0.0 reaches the local host
  '10.0.0.0/8', // RFC 1918 private
  '100.64.0.0/10', // carrier-grade NAT, shared inside providers
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local
  '172.16.0.0/12', // RFC 1918 private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation (TEST-NET-1)
  '192.88.99.0/24', // retired 6to4 relay anycast
  '192.168.0.0/16', // RFC 1918 private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation (TEST-NET-2)
  '203.0.113.0/24', // documentation (TEST-NET-3)
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, including 255.255.255.255 broadcast
]);

/**
 * Only 2000::/3 is allocated as global unicast, so everything outside it
 * (loopback, unique-local fc00::/7 with AWS's fd00:ec2::254, link-local,
 * multicast, discard, SRv6) is refused by that one test. These are the
 * non-public blocks inside it.
 */
const GLOBAL_UNICAST_IPV6 = ipaddr.parseCIDR('2000::/3');
const REFUSED_IPV6 = parseCidrs([
  '2001::/23', // IETF protocol assignments, including Teredo tunnels
  '2001:db8::/32', // documentation
  '2002::/16', // 6to4 tunnels carrying an arbitrary IPv4 address
  '3fff::/20', // documentation (RFC 9637)
]);

/**
 * Prefixes that embed an IPv4 address in their last 32 bits and may be
 * turned into it by the host (IPv4-mapped) or the network (NAT64), so the
 * embedded address decides.
 */
const IPV4_MAPPED = ipaddr.parseCIDR('::ffff:0:0/96');
const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');

function isPublicIpv4(address: ipaddr.IPv4): boolean {
  return !REFUSED_IPV4.some((range) => address.match(range));
}

function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = address.toByteArray().slice(12);
  return new ipaddr.IPv4(bytes);
}

function isPublicIpv6(address: ipaddr.IPv6): boolean {
  if (address.zoneId !== undefined) return false;
  if (address.match(IPV4_MAPPED) || address.match(NAT64_WELL_KNOWN)) {
    return isPublicIpv4(embeddedIpv4(address));
  }
  if (!address.match(GLOBAL_UNICAST_IPV6)) return false;
  return !REFUSED_IPV6.some((range) => address.match(range));
}

/**
 * True when `ip` is a globally routable unicast address that a callback
 * may be sent to. Anything else, including text that is not an address in
 * its standard notation (such as "127.1"), is false.
 */
export function isPublicAddress(ip: string): boolean {
  const version = isIP(ip);
  try {
    if (version === 4) return isPublicIpv4(ipaddr.IPv4.parse(ip));
    if (version === 6) return isPublicIpv6(ipaddr.IPv6.parse(ip));
  } catch {
    // Node accepts some zone ids that ipaddr.js cannot parse: not public.
  }
  return false;
}

/**
 * What `SLEEVE_ALLOW_PRIVATE_CALLBACKS` opens beyond the public internet:
 * loopback and the private ranges where a developer's or a closed
 * network's receivers live. Link-local stays closed, because that is
 * where cloud metadata services answer (169.254.169.254, fe80::/10), and
 * so do the other metadata addresses inside otherwise allowed ranges.
 */
const LOCAL_NETWORK_IPV4 = parseCidrs([
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
]);
const LOCAL_NETWORK_IPV6 = parseCidrs(['::1/128', 'fc00::/7']);
const METADATA = ['100.100.100.200', 'fd00:ec2::254'].map((ip) =>
  ipaddr.parse(ip).toNormalizedString(),
);

function isLocalNetwork(address: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (METADATA.includes(address.toNormalizedString())) return false;
  if (address.kind() === 'ipv4') {
    return LOCAL_NETWORK_IPV4.some((range) => address.match(range));
  }
  const v6 = address as ipaddr.IPv6;
  if (v6.match(IPV4_MAPPED)) return isLocalNetwork(embeddedIpv4(v6));
  return LOCAL_NETWORK_IPV6.some((range) => v6.match(range));
}

/** Public, loopback or private-network; never link-local or metadata. */
export function isPublicOrLocalNetworkAddress(ip: string): boolean {
  if (isPublicAddress(ip)) return true;
  if (isIP(ip) === 0) return false;
  return isLocalNetwork(ipaddr.parse(ip));
}
