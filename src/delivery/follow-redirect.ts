import {
  CallbackUrlError,
  parseCallbackUrl,
  type CallbackUrlOptions,
} from './callback-url.js';
import {
  delivered,
  failed,
  refused,
  type DeliveryOutcome,
} from './delivery-outcome.js';

/** One request's answer: final, or a redirect to consider. */
export type HopResult =
  | { outcome: DeliveryOutcome }
  | { redirectStatus: number; location: string | undefined };

/**
 * What a receiver's status means: 2xx delivers; 307 and 308 are followed,
 * keeping the POST and its body; 301, 302 and 303 are failures, because
 * clients follow them with a GET, and a callback without its body would
 * be a silent loss. Everything else is retried later, as the contract says.
 */
export function classifyStatus(
  status: number,
  location: string | string[] | undefined,
): HopResult {
  if (status >= 200 && status < 300) return { outcome: delivered(status) };
  if (status === 307 || status === 308) {
    const single = typeof location === 'string' ? location : undefined;
    return { redirectStatus: status, location: single };
  }
  if (status === 301 || status === 302 || status === 303) {
    const error =
      `the receiver redirected with ${status}, which would turn the POST ` +
      'into a GET; only 307 and 308 are followed, so point the callback ' +
      'URL at the final address';
    return { outcome: failed('redirect', error, status) };
  }
  const error = `the receiver answered HTTP ${status}`;
  return { outcome: failed('http-status', error, status) };
}

/** The next URL of a 307/308 redirect, guarded like the first. */
export function redirectTarget(
  from: URL,
  location: string | undefined,
  options: CallbackUrlOptions,
): URL | DeliveryOutcome {
  if (location === undefined) {
    return failed('redirect', 'the receiver redirected without a Location');
  }
  let next: URL;
  try {
    next = parseCallbackUrl(new URL(location, from).href, options);
  } catch (error) {
    const problem =
      error instanceof CallbackUrlError ? error.problem : 'not-absolute';
    return refused(`the receiver redirected to a refused URL (${problem})`);
  }

  // The body holds unguessable image URLs; they must not leave TLS.
  if (from.protocol === 'https:' && next.protocol === 'http:') {
    return refused('the receiver redirected from https to plain http');
  }
  return next;
}
