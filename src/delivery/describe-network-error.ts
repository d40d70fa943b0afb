import { failed, type DeliveryFailure } from './delivery-outcome.js';

// Plain words for the errors Node and undici raise on the way to an
// answer. Their own messages can name the host, so they are not passed on.
const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'the receiver refused the connection',
  ECONNRESET: 'the receiver reset the connection',
  EPIPE: 'the receiver closed the connection while the callback was sent',
  EHOSTUNREACH: 'the receiver host is unreachable',
  ENETUNREACH: 'the receiver network is unreachable',
  ETIMEDOUT: 'the connection to the receiver timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection to the receiver timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the receiver did not answer in time',
  UND_ERR_BODY_TIMEOUT: 'the receiver did not answer in time',
  UND_ERR_SOCKET: 'the receiver closed the connection without an answer',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the TLS certificate is for another host',
  CERT_HAS_EXPIRED: 'the TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the TLS certificate cannot be verified',
};

const DNS_ERRORS: Record<string, string> = {
  ENOTFOUND: 'the host name does not exist',
  ENODATA: 'the host name has no addresses',
  EAI_AGAIN: 'the host name could not be resolved for now',
};

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code: unknown = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** A retryable failure describing an error from the host name lookup. */
export function describeLookupError(error: unknown): DeliveryFailure {
  const code = errorCode(error);
  const text = code === undefined ? undefined : DNS_ERRORS[code];
  const fallback = `the host name could not be resolved (${code ?? 'no code'})`;
  return failed('dns', text ?? fallback);
}

/** A retryable failure describing an error from connecting or sending. */
export function describeNetworkError(error: unknown): DeliveryFailure {
  const code = errorCode(error);
  const text = code === undefined ? undefined : NETWORK_ERRORS[code];
  const fallback = `the callback could not be sent (${code ?? 'no code'})`;
  return failed('network', text ?? fallback);
}
