/**
 * Connection failures in plain words, by the system's or undici's code.
 * Node's fetch rejects with only "fetch failed"; the code is on its cause.
 */
const PLAIN_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  UND_ERR_SOCKET: 'the connection was closed',
  ENOTFOUND: 'the host name was not found',
  EAI_AGAIN: 'the host name could not be looked up right now',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host cannot be reached',
  ENETUNREACH: 'the network cannot be reached',
};

/**
 * Why a connection could not be made, from the error or the first of its
 * causes that has a known code ("connection refused (ECONNREFUSED)"), or
 * else the innermost cause's own words (a TLS problem, say).
 */
export function describeConnectionFailure(error: unknown): string {
  const code = findConnectionFailureCode(error);
  if (code) return `${PLAIN_REASONS[code]} (${code})`;
  const chain = causesOf(error);
  const innermost = chain[chain.length - 1];
  return innermost instanceof Error ? innermost.message : String(error);
}

/** The code of a failure to connect in the error or its causes, if any. */
export function findConnectionFailureCode(error: unknown): string | undefined {
  for (const link of causesOf(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' && PLAIN_REASONS[code]) return code;
  }
  return undefined;
}

/** The error, its causes, and the first error of an AggregateError. */
function causesOf(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let link: unknown = error;
  // Bounded: a cause chain could, in principle, loop.
  while (link !== undefined && link !== null && chain.length < 8) {
    chain.push(link);
    link =
      link instanceof AggregateError && link.errors.length > 0
        ? link.errors[0]
        : (link as { cause?: unknown }).cause;
  }
  return chain;
}
