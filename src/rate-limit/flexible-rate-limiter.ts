import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { RateRule } from '../config/config.js';
import type { RateDecision, RateLimiter } from './rate-limiter.js';

type LimiterFactory = (rule: RateRule, prefix: string) => RateLimiterAbstract;

/**
 * Both backends use rate-limiter-flexible, which keeps the same fixed-window
 * semantics in memory and in Redis; only the factory differs.
 */
export class FlexibleRateLimiter implements RateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly createLimiter: LimiterFactory,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  async consume(key: string, rule: RateRule): Promise<RateDecision> {
    try {
      await this.limiterFor(rule).consume(key);
      return { allowed: true, retryAfterMs: 0 };
    } catch (rejection) {
      // The library rejects with a RateLimiterRes when over the limit and
      // with an Error when the store itself failed.
      if (rejection instanceof RateLimiterRes) {
        return { allowed: false, retryAfterMs: rejection.msBeforeNext };
      }
      throw rejection;
    }
  }

  async refund(key: string, rule: RateRule): Promise<void> {
    const limiter = this.limiterFor(rule);
    // A reward on a key whose window has ended would open the next window
    // with a point in hand; only a key still holding points gets one back.
    const current = await limiter.get(key);
    if (!current || current.consumedPoints <= 0) return;
    await limiter.reward(key, 1);
  }

  close(): Promise<void> {
    return this.onClose();
  }

  private limiterFor(rule: RateRule): RateLimiterAbstract {
    const prefix = `rl${rule.points}p${rule.durationSec}s`;
    let limiter = this.limiters.get(prefix);
    if (!limiter) {
      limiter = this.createLimiter(rule, prefix);
      this.limiters.set(prefix, limiter);
    }
    return limiter;
  }
}

export function createMemoryRateLimiter(): RateLimiter {
  return new FlexibleRateLimiter(
    (rule, keyPrefix) =>
      new RateLimiterMemory({
        points: rule.points,
        duration: rule.durationSec,
        keyPrefix,
      }),
  );
}
