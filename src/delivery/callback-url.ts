import { isIP } from 'node:net';
import {
  addressPolicyFrom,
  type AddressPolicy,
  type AddressPolicyOptions,
} from './address-policy.js';

/** Why a callback URL was refused; stable, for logs and tests. */
export type CallbackUrlProblem =
  | 'not-a-string'
  | 'too-long'
  | 'bad-characters'
  | 'not-absolute'
  | 'bad-scheme'
  | 'has-credentials'
  | 'private-address'
  | 'local-name';

/**
 * A callback URL that cannot be used. The message is meant for the API
 * client and never repeats the URL: it may carry secrets in its path or
 * query, and it is user input.
 */
export class CallbackUrlError extends Error {
  override readonly name = 'CallbackUrlError';

  constructor(
    readonly problem: CallbackUrlProblem,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `allowPrivate` also admits local names such as `localhost`; a custom
 * `isAllowedAddress` applies to literal IP hosts only.
 */
export type CallbackUrlOptions = AddressPolicyOptions;

/** Longest URL accepted, in characters; the common browser and CDN bound. */
export const MAX_CALLBACK_URL_LENGTH = 2048;

/**
 * Names that resolve inside the server's own network by convention:
 * RFC 6761 `localhost`, RFC 6762 `.local` (mDNS), RFC 8375 `.home.arpa`,
 * ICANN's private-use `.internal` (GCP's metadata.google.internal) and the
 * `localdomain` of many /etc/hosts files.
 */
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa'];
const LOCAL_NAMES = ['localhost.localdomain', 'localdomain'];

// WHATWG URL parsing silently drops tabs and newlines and trims spaces, so
// such input is refused before it can turn into a different URL.
const WHITESPACE_OR_CONTROL = /[\u0000-\u0020\u007f-\u009f]/;

function refuse(problem: CallbackUrlProblem, message: string): never {
  throw new CallbackUrlError(problem, message);
}

function parseAbsolute(raw: unknown): URL {
  if (typeof raw !== 'string') {
    refuse('not-a-string', 'callBackUrl must be a string.');
  }
  if (raw.length > MAX_CALLBACK_URL_LENGTH) {
    refuse(
      'too-long',
      `callBackUrl is longer than ${MAX_CALLBACK_URL_LENGTH} characters.`,
    );
  }
  if (WHITESPACE_OR_CONTROL.test(raw)) {
    refuse(
      'bad-characters',
      'callBackUrl contains spaces or control characters; encode them.',
    );
  }
  try {
    return new URL(raw);
  } catch {
    return refuse(
      'not-absolute',
      'callBackUrl must be an absolute URL such as https://host/path.',
    );
  }
}

// WHATWG parsing of http(s) URLs fails without a host, so a parsed URL of
// either scheme always has one.
function checkShape(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const scheme = url.protocol.slice(0, -1).slice(0, 20);
    refuse('bad-scheme', `callBackUrl must use http or https (got ${scheme}).`);
  }
  if (url.username !== '' || url.password !== '') {
    refuse(
      'has-credentials',
      'callBackUrl must not contain a user name or password; ' +
        'verify callbacks with the webhook signature instead.',
    );
  }
}

/** The host of a URL as an address, without IPv6 brackets, or null. */
export function hostAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) === 0 ? null : host;
}

function isLocalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (!name.includes('.') || LOCAL_NAMES.includes(name)) return true;
  return LOCAL_SUFFIXES.some(
    (suffix) => name === suffix || name.endsWith(`.${suffix}`),
  );
}

function checkAddressIsAllowed(url: URL, isAllowed: AddressPolicy): void {
  const address = hostAddress(url);
  if (address !== null && !isAllowed(address)) {
    refuse(
      'private-address',
      'callBackUrl points at a private, loopback or reserved address; ' +
        'use a publicly reachable host.',
    );
  }
}

function checkHostIsAllowed(url: URL, isAllowed: AddressPolicy): void {
  checkAddressIsAllowed(url, isAllowed);
  if (hostAddress(url) === null && isLocalName(url.hostname)) {
    refuse(
      'local-name',
      'callBackUrl host is a local network name; ' +
        'use a publicly reachable host.',
    );
  }
}

/**
 * Parse a user-supplied callback URL, or throw a `CallbackUrlError`.
 *
 * Accepts an absolute http(s) URL of at most 2048 characters, with a host
 * and without credentials. Unless `allowPrivate` is set, literal
 * non-public addresses and local names (`localhost`, single-label names,
 * `.local`, `.internal`, `.home.arpa`) are refused here already. This is
 * an early, syntactic check: the address a name resolves to is checked
 * again at delivery time by `postCallback`.
 */
export function parseCallbackUrl(
  raw: unknown,
  options: CallbackUrlOptions = {},
): URL {
  const url = parseAbsolute(raw);
  checkShape(url);
  if (options.allowPrivate === true) {
    checkAddressIsAllowed(url, addressPolicyFrom(options));
  } else {
    checkHostIsAllowed(url, addressPolicyFrom(options));
  }
  return url;
}
