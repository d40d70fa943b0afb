import type { RateRule } from '../config/config.js';

export interface RateDecision {
  allowed: boolean;
  /** When refused: milliseconds until a request would be allowed. */
  retryAfterMs: number;
}

/**
 * Counts requests per key in fixed windows. The embedded default keeps the
 * counts in memory; several API processes share them through Redis.
 */
export interface RateLimiter {
  consume(key: string, rule: RateRule): Promise<RateDecision>;
  /**
   * Gives back one point consumed in the key's current window, for a
   * request that turned out to start nothing. Nothing once that window
   * has ended: the next one starts with its full allowance, not more.
   */
  refund(key: string, rule: RateRule): Promise<void>;
  close(): Promise<void>;
}
