import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  isPublicAddress,
  isPublicOrLocalNetworkAddress,
} from '../../src/delivery/public-address.js';

// Each refused range by its first, an inner and its last address, so an
// off-by-one prefix length shows up.
const REFUSED: Record<string, readonly string[]> = {
  'this network 0/8': ['0.0.0.0', '0.1.2.3', '0.255.255.255'],
  'RFC 1918 10/8': ['10.0.0.0', '10.20.30.40', '10.255.255.255'],
  'CGNAT 100.64/10': ['100.64.0.0', '100.100.1.1', '100.127.255.255'],
  'loopback 127/8': ['127.0.0.1', '127.1.2.3', '127.255.255.255'],
  'link-local 169.254/16': ['169.254.0.0', '169.254.1.1', '169.254.255.255'],
  'RFC 1918 172.16/12': ['172.16.0.0', '172.20.1.1', '172.31.255.255'],
  'IETF 192.0.0/24': ['192.0.0.0', '192.0.0.8', '192.0.0.255'],
  'TEST-NET-1': ['192.0.2.0', '192.0.2.1', '192.0.2.255'],
  '6to4 relay': ['192.88.99.0', '192.88.99.1', '192.88.99.255'],
  'RFC 1918 192.168/16': ['192.168.0.0', '192.168.1.1', '192.168.255.255'],
  'benchmarking 198.18/15': ['198.18.0.0', '198.19.1.1', '198.19.255.255'],
  'TEST-NET-2': ['198.51.100.0', '198.51.100.7', '198.51.100.255'],
  'TEST-NET-3': ['203.0.113.0', '203.0.113.9', '203.0.113.255'],
  'multicast 224/4': ['224.0.0.0', '233.252.0.1', '239.255.255.255'],
  'reserved 240/4': ['240.0.0.0', '250.1.2.3', '255.255.255.254'],
  broadcast: ['255.255.255.255'],
  'IPv6 unspecified and loopback': ['::', '::1'],
  'IPv4-compatible ::/96': ['::7f00:1', '::808:808'],
  'IPv6 unique-local fc00::/7': ['fc00::', 'fd12:3456::1', 'fdff:ffff::ffff'],
  'IPv6 link-local fe80::/10': ['fe80::', 'fe80::1', 'febf:ffff::ffff'],
  'IPv6 site-local fec0::/10': ['fec0::1'],
  'IPv6 multicast ff00::/8': ['ff00::', 'ff02::1', 'ffff:ffff::ffff'],
  'IPv6 discard 100::/64': ['100::', '100::ffff'],
  'IPv6 IETF 2001::/23, Teredo': ['2001::', '2001:0:4136::1', '2001:1ff::1'],
  'IPv6 documentation 2001:db8::/32': ['2001:db8::', '2001:db8:ffff::1'],
  'IPv6 6to4 2002::/16': ['2002::', '2002:c000:201::1', '2002:ffff::1'],
  'IPv6 documentation 3fff::/20': ['3fff::', '3fff:fff:ffff::1'],
  'IPv6 outside 2000::/3': ['4000::1', '5f00::1', 'e000::1'],
  'NAT64 local-use 64:ff9b:1::/48': ['64:ff9b:1::a00:1'],
  'IPv4-mapped private and loopback': [
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::ffff:192.168.1.1',
    '::ffff:0.0.0.0',
    '::ffff:100.64.0.1',
  ],
  'NAT64 of private': ['64:ff9b::7f00:1', '64:ff9b::a00:1'],
  metadata: [
    '169.254.169.254',
    'fd00:ec2::254',
    '100.100.100.200',
    '192.0.0.192',
    '::ffff:169.254.169.254',
  ],
};

const PUBLIC: readonly string[] = [
  '1.1.1.1',
  '8.8.8.8',
  '9.255.255.255', // just below 10/8
  '11.0.0.0', // just above 10/8
  '100.63.255.255', // just below CGNAT
  '100.128.0.0', // just above CGNAT
  '126.255.255.255',
  '128.0.0.0',
  '169.253.255.255',
  '169.255.0.0',
  '172.15.255.255', // just below 172.16/12
  '172.32.0.0', // just above 172.16/12
  '192.0.1.0',
  '192.88.98.255',
  '192.167.255.255',
  '192.169.0.0',
  '198.17.255.255',
  '198.20.0.0',
  '223.255.255.255', // last before multicast
  '2000::1',
  '2001:200::1', // first after 2001::/23
  '2001:4860:4860::8888',
  '2001:db7:ffff::1', // just below documentation
  '2001:db9::1', // just above documentation
  '2003::1',
  '2606:4700:4700::1111',
  '2a00:1450::1',
  '3ffe:ffff::1', // just below 3fff::/20
  '3fff:1000::1', // just above 3fff::/20
  '::ffff:8.8.8.8', // IPv4-mapped public
  '64:ff9b::808:808', // NAT64 of a public IPv4 address
];

// Not an address in standard notation, or not an address at all.
const NOT_ADDRESSES: readonly string[] = [
  '',
  'example.com',
  'localhost',
  '127.1',
  '0x7f.0.0.1',
  '2130706433',
  '08.8.8.8',
  '1.1.1.1 ',
  '[::1]',
  '8.8.8.8/32',
  '2606:4700::1111%eth0',
  'fe80::1%eth0',
];

describe('isPublicAddress', () => {
  for (const [range, addresses] of Object.entries(REFUSED)) {
    it(`refuses ${range}`, () => {
      for (const address of addresses) {
        assert.equal(isPublicAddress(address), false, address);
      }
    });
  }

  it('accepts public addresses, including neighbours of refused ranges', () => {
    for (const address of PUBLIC) {
      assert.equal(isPublicAddress(address), true, address);
    }
  });

  it('refuses text that is not an address in standard notation', () => {
    for (const text of NOT_ADDRESSES) {
      assert.equal(isPublicAddress(text), false, JSON.stringify(text));
    }
  });

  it('ignores letter case in IPv6 addresses', () => {
    assert.equal(isPublicAddress('FD00:EC2::254'), false);
    assert.equal(isPublicAddress('2606:4700:4700::AbCd'), true);
  });
});

describe('isPublicOrLocalNetworkAddress (SLEEVE_ALLOW_PRIVATE_CALLBACKS)', () => {
  it('admits public, loopback and private-network addresses', () => {
    for (const ip of [
      '8.8.8.8',
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '10.0.0.1',
      '172.16.5.4',
      '192.168.0.1',
      '100.64.1.1',
      'fd12:3456::1',
      '::ffff:10.0.0.1',
    ]) {
      assert.equal(isPublicOrLocalNetworkAddress(ip), true, ip);
    }
  });

  it('still refuses link-local, metadata and other special addresses', () => {
    for (const ip of [
      '169.254.169.254',
      '169.254.0.1',
      'fe80::1',
      '100.100.100.200',
      'fd00:ec2::254',
      '::ffff:169.254.169.254',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      'not an ip',
    ]) {
      assert.equal(isPublicOrLocalNetworkAddress(ip), false, ip);
    }
  });
});
