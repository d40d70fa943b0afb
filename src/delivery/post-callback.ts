import { Client, request } from 'undici';
import {
  CallbackUrlError,
  hostAddress,
  parseCallbackUrl,
} from './callback-url.js';
import { failed, refused, type DeliveryOutcome } from './delivery-outcome.js';
import {
  classifyStatus,
  redirectTarget,
  type HopResult,
} from './follow-redirect.js';
import {
  describeLookupError,
  describeNetworkError,
} from './describe-network-error.js';
import {
  AddressRefusedError,
  createPinnedConnector,
} from './pinned-connector.js';
import {
  addressPolicyFrom,
  type AddressPolicy,
  type AddressPolicyOptions,
} from './address-policy.js';
import { lookupWithSystem, type LookupHost } from './resolve-host.js';

/**
 * `allowPrivate` (default false) and `isAllowedAddress` (default
 * `isPublicAddress`) decide which addresses callbacks may reach.
 */
export interface PostCallbackOptions extends AddressPolicyOptions {
  /**
   * Time for one attempt, redirects included, in milliseconds. Default
   * 15000, the providers' callback timeout.
   */
  timeoutMs?: number;
  /** Host name resolver. Default: the system resolver. */
  lookup?: LookupHost;
  /** Redirects (307/308 only) followed per attempt. Default 3. */
  maxRedirects?: number;
  /** Response body bytes read, then dropped. Default 4096. */
  maxResponseBytes?: number;
  /** Stops the attempt early, e.g. at shutdown. */
  signal?: AbortSignal;
}

interface Settings extends AddressPolicyOptions {
  timeoutMs: number;
  isAllowed: AddressPolicy;
  lookup: LookupHost;
  maxRedirects: number;
  maxResponseBytes: number;
}

function settingsFrom(options: PostCallbackOptions): Settings {
  return {
    allowPrivate: options.allowPrivate,
    isAllowedAddress: options.isAllowedAddress,
    isAllowed: addressPolicyFrom(options),
    timeoutMs: options.timeoutMs ?? 15_000,
    lookup: options.lookup ?? lookupWithSystem,
    maxRedirects: options.maxRedirects ?? 3,
    maxResponseBytes: options.maxResponseBytes ?? 4096,
  };
}

const USER_AGENT = 'Sleeve-Callback';

function prepareHeaders(
  headers: Readonly<Record<string, string>>,
): Record<string, string> {
  const prepared: Record<string, string> = { 'user-agent': USER_AGENT };
  for (const [name, value] of Object.entries(headers)) {
    prepared[name.toLowerCase()] = value;
  }
  prepared['content-type'] = 'application/json';
  return prepared;
}

/** Rejects as soon as `signal` aborts, for work that takes no signal. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** A literal IP host as it is, a name as the resolver answers it. */
async function lookupAddresses(
  url: URL,
  settings: Settings,
  signal: AbortSignal,
): Promise<readonly string[]> {
  const literal = hostAddress(url);
  if (literal !== null) return [literal];
  return untilAborted(settings.lookup(url.hostname), signal);
}

/** The addresses to connect to, or why there are none to use. */
async function resolveTarget(
  url: URL,
  settings: Settings,
  signal: AbortSignal,
): Promise<{ addresses: readonly string[] } | { outcome: DeliveryOutcome }> {
  let addresses: readonly string[];
  try {
    addresses = await lookupAddresses(url, settings, signal);
  } catch (error) {
    if (signal.aborted) throw error;
    return { outcome: describeLookupError(error) };
  }
  if (addresses.length === 0) {
    return {
      outcome: failed('dns', 'the host name has no addresses'),
    };
  }

  // One bad answer refuses the whole name: the connection could pick it.
  if (!addresses.every((address) => settings.isAllowed(address))) {
    const error =
      'the callback host resolves to a private, loopback or reserved ' +
      'address, which callbacks may not reach';
    return { outcome: refused(error) };
  }
  return { addresses };
}

/** Reads at most `maxBytes` of a response body and drops the rest. */
async function discardBody(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
): Promise<void> {
  let seen = 0;
  try {
    for await (const chunk of body) {
      seen += chunk.length;
      // Leaving the loop destroys the stream, and with it the connection.
      if (seen >= maxBytes) break;
    }
  } catch {
    // The status already decided the outcome; a broken body changes nothing.
  }
}

/** Sends the callback to one URL over a connection pinned to it. */
async function sendOnce(
  url: URL,
  body: string,
  headers: Record<string, string>,
  settings: Settings,
  signal: AbortSignal,
): Promise<HopResult> {
  const target = await resolveTarget(url, settings, signal);
  if ('outcome' in target) return target;

  const connect = createPinnedConnector(target.addresses, settings);
  const client = new Client(url.origin, { connect });
  try {
    const response = await request(url, {
      dispatcher: client,
      method: 'POST',
      headers,
      body,
      signal,
    });
    const hop = classifyStatus(response.statusCode, response.headers.location);
    await discardBody(response.body, settings.maxResponseBytes);
    return hop;
  } finally {
    await client.destroy();
  }
}

function describeError(
  error: unknown,
  deadline: AbortSignal,
  options: PostCallbackOptions,
  timeoutMs: number,
): DeliveryOutcome {
  if (error instanceof AddressRefusedError) {
    return refused('the connection reached a non-public address');
  }
  if (options.signal?.aborted === true) {
    return failed('aborted', 'the delivery attempt was stopped');
  }
  if (deadline.aborted) {
    const seconds = timeoutMs / 1000;
    return failed('timeout', `the callback got no answer within ${seconds} s`);
  }
  return describeNetworkError(error);
}

async function followRedirects(
  first: URL,
  body: string,
  headers: Record<string, string>,
  settings: Settings,
  signal: AbortSignal,
): Promise<DeliveryOutcome> {
  let url = first;
  for (let redirects = 0; ; redirects += 1) {
    const hop = await sendOnce(url, body, headers, settings, signal);
    if ('outcome' in hop) return hop.outcome;

    if (redirects === settings.maxRedirects) {
      const error = `the receiver redirected too often (limit ${redirects})`;
      return failed('redirect', error, hop.redirectStatus);
    }
    const next = redirectTarget(url, hop.location, settings);
    if (!(next instanceof URL)) return next;
    url = next;
  }
}

/**
 * POST a callback body as JSON and report what happened; never throws for
 * network problems or receiver behaviour.
 *
 * The host is resolved once, every address must be public (unless
 * `allowPrivate`), and the connection is pinned to those addresses and
 * checked again once connected. Redirects 307 and 308 are followed (at
 * most `maxRedirects`), each hop guarded the same way; 301, 302 and 303
 * are failures, since following them as the standard says would turn the
 * callback into a GET without its body. An https URL never redirects to
 * http. Sign `headers` per attempt with `buildCallbackHeaders`.
 */
export async function postCallback(
  url: string | URL,
  body: string,
  headers: Readonly<Record<string, string>>,
  options: PostCallbackOptions = {},
): Promise<DeliveryOutcome> {
  const settings = settingsFrom(options);
  let first: URL;
  try {
    first = parseCallbackUrl(String(url), settings);
  } catch (error) {
    if (!(error instanceof CallbackUrlError)) throw error;
    return refused(error.message);
  }

  // A timer of our own rather than AbortSignal.timeout, whose unreferenced
  // timer would let the process exit under a hanging DNS lookup.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  const signal =
    options.signal === undefined
      ? deadline.signal
      : AbortSignal.any([deadline.signal, options.signal]);
  try {
    const prepared = prepareHeaders(headers);
    return await followRedirects(first, body, prepared, settings, signal);
  } catch (error) {
    return describeError(error, deadline.signal, options, settings.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}
