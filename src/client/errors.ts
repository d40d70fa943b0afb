/**
 * An answer with a code other than 200. `code` is the envelope's code (the
 * providers send most errors as HTTP 200), `httpStatus` the HTTP status.
 */
export class SleeveApiError extends Error {
  override name = 'SleeveApiError';

  constructor(
    readonly code: number,
    message: string,
    readonly httpStatus: number,
    /** The envelope's data, e.g. `{ taskId }` of an existing cover. */
    readonly data: unknown = null,
    /** Seconds from `Retry-After`, when sent. */
    readonly retryAfterSec: number | undefined = undefined,
  ) {
    super(message);
  }

  /** Code 401: the key is missing, unknown or revoked. */
  get isUnauthorized() {
    return this.code === 401;
  }
  /** Code 402: not enough credits. */
  get isInsufficientCredits() {
    return this.code === 402;
  }
  /** Code 429: rate limited; see `retryAfterSec`. */
  get isRateLimited() {
    return this.code === 429;
  }
  /** Code 455: the service is in maintenance. */
  get isMaintenance() {
    return this.code === 455;
  }
  /** Code 400 with data.taskId: a cover exists already for this music. */
  get existingTaskId(): string | undefined {
    const data = this.data as { taskId?: unknown } | null;
    return this.code === 400 && typeof data?.taskId === 'string'
      ? data.taskId
      : undefined;
  }
}

/** The cover task ended in failure (successFlag 3). */
export class CoverFailedError extends Error {
  override name = 'CoverFailedError';
  readonly code = 500;

  constructor(
    readonly taskId: string,
    message: string,
  ) {
    super(message);
  }
}

/** waitForCover gave up: the overall timeout passed. */
export class CoverTimeoutError extends Error {
  override name = 'CoverTimeoutError';

  constructor(readonly taskId: string) {
    super(`cover task ${taskId} did not finish in time`);
  }
}

/** The server could not be reached or did not answer JSON. */
export class SleeveNetworkError extends Error {
  override name = 'SleeveNetworkError';
}
