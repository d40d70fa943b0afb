/**
 * The one error type the HTTP layer maps to the response envelope. `code`
 * is the envelope's `code` (the contract's table), not an HTTP status.
 */
export type ApiCode =
  400 | 401 | 402 | 404 | 409 | 410 | 413 | 422 | 429 | 455 | 500;

export interface SleeveErrorOptions {
  /** Sent as the envelope's `data` (e.g. the existing task id). */
  data?: unknown;
  /** Seconds, sent as `Retry-After` with code 429 and 455. */
  retryAfterSec?: number;
  /** HTTP status to use instead of 200 (transport-level failures only). */
  httpStatus?: number;
}

export class SleeveError extends Error {
  readonly data: unknown;
  readonly retryAfterSec: number | undefined;
  readonly httpStatus: number | undefined;

  constructor(
    readonly code: ApiCode,
    message: string,
    options: SleeveErrorOptions = {},
  ) {
    super(message);
    this.name = 'SleeveError';
    this.data = options.data ?? null;
    this.retryAfterSec = options.retryAfterSec;
    this.httpStatus = options.httpStatus;
  }
}

export const invalid = (message: string) => new SleeveError(422, message);
