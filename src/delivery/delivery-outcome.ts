/**
 * Why an attempt failed, stable for logs and metrics:
 * - `refused`: the URL or an address it reaches is not allowed;
 * - `http-status`: the receiver answered, but not 2xx;
 * - `redirect`: a redirect that is not followed, or too many;
 * - `timeout`: no full answer within the attempt's time;
 * - `aborted`: the caller's signal stopped the attempt (shutdown);
 * - `dns`: the host name did not resolve;
 * - `network`: the connection failed or broke.
 */
export type DeliveryFailureReason =
  | 'refused'
  | 'http-status'
  | 'redirect'
  | 'timeout'
  | 'aborted'
  | 'dns'
  | 'network';

export interface DeliverySuccess {
  ok: true;
  /** The receiver's 2xx status. */
  status: number;
}

export interface DeliveryFailure {
  ok: false;
  /** The receiver's status when it answered. */
  status?: number;
  reason: DeliveryFailureReason;
  /** Plain words for logs and operators; never the URL. */
  error: string;
  /**
   * False only when trying again cannot help: a refused URL or address.
   * Every answer other than 2xx is retried, as the contract requires.
   */
  retryable: boolean;
}

export type DeliveryOutcome = DeliverySuccess | DeliveryFailure;

export function delivered(status: number): DeliverySuccess {
  return { ok: true, status };
}

export function refused(error: string): DeliveryFailure {
  return { ok: false, reason: 'refused', error, retryable: false };
}

/** A failure worth retrying later. */
export function failed(
  reason: Exclude<DeliveryFailureReason, 'refused'>,
  error: string,
  status?: number,
): DeliveryFailure {
  const failure: DeliveryFailure = {
    ok: false,
    reason,
    error,
    retryable: true,
  };
  return status === undefined ? failure : { ...failure, status };
}
