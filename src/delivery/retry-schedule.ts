import { createHash } from 'node:crypto';

/**
 * Default waits before each retry, in seconds: 10 s, 30 s, 2 min, 10 min,
 * 30 min, 1 h, 3 h, 6 h. With the first attempt that is 9 tries over about
 * 10 h 45 min, enough to ride out a receiver's deploy or an evening outage,
 * where the providers give up after 3 tries.
 */
export const DEFAULT_RETRY_DELAYS_SEC: readonly number[] = [
  10, 30, 120, 600, 1800, 3600, 10800, 21600,
];

/**
 * Default spread of each wait, as a fraction: ±10 %, so callbacks that
 * failed together (a receiver outage) do not all come back at once.
 */
export const DEFAULT_RETRY_JITTER = 0.1;

export interface DeliverySchedule {
  /**
   * Wait before retry n is `delaysSec[n - 1]`; after the last one delivery
   * gives up. Default `DEFAULT_RETRY_DELAYS_SEC`.
   */
  delaysSec?: readonly number[];
  /** Fraction each wait may move either way. Default 0.1. */
  jitter?: number;
  /**
   * Makes the jitter deterministic, e.g. the cover task id: the same seed
   * and attempt always give the same wait. Default: random.
   */
  seed?: string;
}

/** A number in [0, 1) fixed by the seed and attempt. */
function seededFraction(seed: string, attempt: number): number {
  const digest = createHash('sha256').update(`${seed}:${attempt}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/**
 * How long to wait after failed attempt number `attempt` (1 for the first
 * try) before the next one, in milliseconds, or null to give up.
 */
export function nextRetryDelayMs(
  attempt: number,
  schedule: DeliverySchedule = {},
): number | null {
  if (!Number.isSafeInteger(attempt) || attempt < 1) {
    throw new RangeError('attempt counts tries from 1.');
  }
  const delaysSec = schedule.delaysSec ?? DEFAULT_RETRY_DELAYS_SEC;
  const baseSec = delaysSec[attempt - 1];
  if (baseSec === undefined) return null;

  const jitter = schedule.jitter ?? DEFAULT_RETRY_JITTER;
  if (!(jitter >= 0 && jitter < 1)) {
    throw new RangeError(
      'jitter is a fraction from 0 up to, not including, 1.',
    );
  }
  const fraction =
    schedule.seed === undefined
      ? Math.random()
      : seededFraction(schedule.seed, attempt);
  return Math.round(baseSec * 1000 * (1 + jitter * (2 * fraction - 1)));
}
