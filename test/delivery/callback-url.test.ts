import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CallbackUrlError,
  MAX_CALLBACK_URL_LENGTH,
  parseCallbackUrl,
  type CallbackUrlProblem,
} from '../../src/delivery/callback-url.js';

/** Asserts a refusal for `problem` whose message never contains `raw`. */
function assertRefused(
  raw: unknown,
  problem: CallbackUrlProblem,
  options = {},
): void {
  assert.throws(
    () => parseCallbackUrl(raw, options),
    (error: unknown) => {
      assert.ok(error instanceof CallbackUrlError);
      assert.equal(error.problem, problem, String(raw));
      assert.match(error.message, /^callBackUrl /);
      if (typeof raw === 'string' && raw.length > 0) {
        assert.ok(!error.message.includes(raw), error.message);
        assert.ok(!error.message.includes('secret-token'), error.message);
      }
      return true;
    },
  );
}

describe('parseCallbackUrl accepts', () => {
  it('absolute http and https URLs with path, query and port', () => {
    const url = parseCallbackUrl('https://hooks.example.com:8443/a/b?x=1');
    assert.equal(url.hostname, 'hooks.example.com');
    assert.equal(url.port, '8443');
    assert.equal(url.search, '?x=1');
    assert.equal(parseCallbackUrl('http://example.org').pathname, '/');
  });

  it('public IP literals, IPv4 and IPv6', () => {
    assert.equal(parseCallbackUrl('http://8.8.8.8/cb').hostname, '8.8.8.8');
    const v6 = parseCallbackUrl('http://[2606:4700:4700::1111]/cb');
    assert.equal(v6.hostname, '[2606:4700:4700::1111]');
  });

  it('a URL of exactly the maximum length', () => {
    const prefix = 'https://example.com/';
    const raw = prefix + 'a'.repeat(MAX_CALLBACK_URL_LENGTH - prefix.length);
    assert.equal(parseCallbackUrl(raw).href.length, MAX_CALLBACK_URL_LENGTH);
  });

  it('private addresses and local names when allowPrivate is set', () => {
    const allow = { allowPrivate: true };
    for (const raw of [
      'http://127.0.0.1:3000/cb',
      'http://[::1]/cb',
      'http://10.1.2.3/cb',
      'http://192.168.1.20/cb',
      'http://[fd12::1]/cb',
      'http://localhost:8080/cb',
      'http://receiver:8080/cb',
    ]) {
      assert.equal(parseCallbackUrl(raw, allow).href.startsWith('http'), true);
    }
  });

  it('link-local and metadata addresses even when allowPrivate is set', () => {
    for (const raw of [
      'http://169.254.169.254/latest',
      'http://169.254.10.1/cb',
      'http://[fe80::1]/cb',
      'http://100.100.100.200/cb',
      'http://[fd00:ec2::254]/cb',
      'http://[::ffff:169.254.169.254]/cb',
      'http://0.0.0.0/cb',
    ]) {
      assertRefused(raw, 'private-address', { allowPrivate: true });
    }
  });

  it('literal addresses a custom address policy admits', () => {
    const isAllowedAddress = (ip: string) => ip === '10.1.2.3';
    const url = parseCallbackUrl('http://10.1.2.3/cb', { isAllowedAddress });
    assert.equal(url.hostname, '10.1.2.3');
    assertRefused('http://10.1.2.4/cb', 'private-address', {
      isAllowedAddress,
    });
  });
});

describe('parseCallbackUrl refuses', () => {
  it('values that are not strings', () => {
    for (const raw of [undefined, null, 42, {}, ['https://example.com']]) {
      assertRefused(raw, 'not-a-string');
    }
  });

  it('URLs longer than 2048 characters', () => {
    const raw = `https://example.com/secret-token/${'a'.repeat(2048)}`;
    assertRefused(raw, 'too-long');
  });

  it('spaces and control characters that URL parsing would drop', () => {
    for (const raw of [
      ' https://example.com/secret-token',
      'https://example.com/secret-token ',
      'https://exa\tmple.com/secret-token',
      'https://example.com/secret-token\n',
      'https://example.com/a b/secret-token',
      'https://example.com/\u0000secret-token',
    ]) {
      assertRefused(raw, 'bad-characters');
    }
  });

  it('relative and malformed URLs', () => {
    for (const raw of [
      '',
      '/callback/secret-token',
      'example.com/secret-token',
      '//example.com/secret-token',
      'https://:443/secret-token',
      'http://exa%20mple.com/secret-token',
      'https://[::1/secret-token',
    ]) {
      assertRefused(raw, 'not-absolute');
    }
  });

  it('schemes other than http and https, naming only the scheme', () => {
    for (const raw of [
      'ftp://example.com/secret-token',
      'file:///etc/secret-token',
      'javascript:alert(1)//secret-token',
      'ws://example.com/secret-token',
      'data:text/plain,secret-token',
    ]) {
      assertRefused(raw, 'bad-scheme');
    }
    assert.throws(
      () => parseCallbackUrl('gopher://example.com/x'),
      /use http or https \(got gopher\)/,
    );
  });

  it('user names and passwords in the URL', () => {
    for (const raw of [
      'https://user:secret-token@example.com/cb',
      'https://secret-token@example.com/cb',
      'https://:secret-token@example.com/cb',
    ]) {
      assertRefused(raw, 'has-credentials');
    }
  });

  it('credentials even when private addresses are allowed', () => {
    assertRefused('http://a:secret-token@127.0.0.1/', 'has-credentials', {
      allowPrivate: true,
    });
  });

  it('literal private, loopback, link-local and metadata addresses', () => {
    for (const raw of [
      'http://127.0.0.1/secret-token',
      'http://127.0.0.1:3000/secret-token',
      'http://10.0.0.5/secret-token',
      'http://172.16.0.1/secret-token',
      'http://192.168.1.1/secret-token',
      'http://100.64.0.1/secret-token',
      'http://169.254.169.254/latest/secret-token',
      'http://100.100.100.200/secret-token',
      'http://0.0.0.0/secret-token',
      'http://[::1]/secret-token',
      'http://[fd00:ec2::254]/secret-token',
      'http://[fe80::1]/secret-token',
      'http://[::ffff:127.0.0.1]/secret-token',
      'http://[::ffff:169.254.169.254]/secret-token',
      'http://[::]/secret-token',
      'http://224.0.0.1/secret-token',
      'http://255.255.255.255/secret-token',
    ]) {
      assertRefused(raw, 'private-address');
    }
  });

  it('loopback written in the shorthand forms URL parsing accepts', () => {
    for (const raw of [
      'http://2130706433/secret-token',
      'http://0x7f.0.0.1/secret-token',
      'http://0177.0.0.1/secret-token',
      'http://127.1/secret-token',
      'http://0/secret-token',
    ]) {
      assertRefused(raw, 'private-address');
    }
  });

  it('localhost-style and single-label host names', () => {
    for (const raw of [
      'http://localhost/secret-token',
      'http://LOCALHOST:8080/secret-token',
      'http://localhost./secret-token',
      'http://api.localhost/secret-token',
      'http://localhost.localdomain/secret-token',
      'http://printer.local/secret-token',
      'http://metadata.google.internal/secret-token',
      'http://nas.home.arpa/secret-token',
      'http://receiver:8080/secret-token',
      'http://intranet./secret-token',
    ]) {
      assertRefused(raw, 'local-name');
    }
  });

  it('private literals that a custom address policy does not admit', () => {
    const isAllowedAddress = (ip: string) => ip.startsWith('10.');
    assertRefused('http://192.168.0.1/secret-token', 'private-address', {
      isAllowedAddress,
    });
  });
});
