import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { RateRule } from '../../../src/config/config.js';
import type { RateLimiter } from '../../../src/rate-limit/rate-limiter.js';
import { randomSuffix } from '../support/services.js';

export interface RateLimiterHarness {
  limiter: RateLimiter;
  /**
   * A limiter over the same counts, as a second API process has; absent
   * for backends whose counts live in one process only.
   */
  peer: RateLimiter | undefined;
  close(): Promise<void>;
}

/** What every RateLimiter must do: fixed windows per key and rule. */
export function rateLimiterSuite(
  name: string,
  open: () => Promise<RateLimiterHarness>,
): void {
  describe(`RateLimiter: ${name}`, () => {
    let harness: RateLimiterHarness;
    before(async () => {
      harness = await open();
    });
    after(() => harness.close());
    const key = () => `key-${randomSuffix()}`;

    test('allows exactly the rule’s points in a window', async () => {
      const rule = { points: 5, durationSec: 10 };
      const decisions = await consumeTimes(harness.limiter, key(), rule, 8);
      assert.deepEqual(
        decisions.map((d) => d.allowed),
        [true, true, true, true, true, false, false, false],
      );
      for (const allowed of decisions.slice(0, 5))
        assert.equal(allowed.retryAfterMs, 0);
    });

    test('a refusal says when the window ends', async () => {
      const rule = { points: 1, durationSec: 10 };
      const id = key();
      await harness.limiter.consume(id, rule);
      await sleep(1_100);
      const refused = await harness.limiter.consume(id, rule);
      assert.equal(refused.allowed, false);
      // The window began 1.1 s ago: about 8.9 s are left, never more
      // than the window and never less than what has not yet passed.
      assert.ok(refused.retryAfterMs <= 8_900, `${refused.retryAfterMs}`);
      assert.ok(refused.retryAfterMs > 7_000, `${refused.retryAfterMs}`);
    });

    test('after Retry-After the key is allowed again', async () => {
      const rule = { points: 2, durationSec: 1 };
      const id = key();
      await consumeTimes(harness.limiter, id, rule, 2);
      const refused = await harness.limiter.consume(id, rule);
      assert.equal(refused.allowed, false);
      assert.ok(refused.retryAfterMs > 0 && refused.retryAfterMs <= 1_000);

      await sleep(refused.retryAfterMs + 50);
      const again = await consumeTimes(harness.limiter, id, rule, 3);
      assert.deepEqual(
        again.map((d) => d.allowed),
        [true, true, false],
      );
    });

    test('keys are counted apart', async () => {
      const rule = { points: 1, durationSec: 10 };
      const [a, b] = [key(), key()];
      assert.equal((await harness.limiter.consume(a, rule)).allowed, true);
      assert.equal((await harness.limiter.consume(b, rule)).allowed, true);
      assert.equal((await harness.limiter.consume(a, rule)).allowed, false);
    });

    test('rules with different limits do not share counts', async () => {
      const id = key();
      const strict = { points: 1, durationSec: 10 };
      const loose = { points: 3, durationSec: 10 };
      await harness.limiter.consume(id, strict);
      assert.equal((await harness.limiter.consume(id, strict)).allowed, false);
      const counted = await consumeTimes(harness.limiter, id, loose, 3);
      assert.ok(counted.every((d) => d.allowed));
    });

    test('a refund gives back one point of the current window', async () => {
      const rule = { points: 3, durationSec: 10 };
      const id = key();
      await consumeTimes(harness.limiter, id, rule, 3);
      await harness.limiter.refund(id, rule);
      const after = await consumeTimes(harness.limiter, id, rule, 2);
      assert.deepEqual(
        after.map((d) => d.allowed),
        [true, false],
      );
    });

    test('a refund never lifts a key above its allowance', async () => {
      const rule = { points: 2, durationSec: 1 };
      const unused = key();
      await harness.limiter.refund(unused, rule);
      const fresh = await consumeTimes(harness.limiter, unused, rule, 3);
      assert.deepEqual(
        fresh.map((d) => d.allowed),
        [true, true, false],
      );

      // Consumed in one window, refunded after it ended.
      const late = key();
      await consumeTimes(harness.limiter, late, rule, 2);
      const refused = await harness.limiter.consume(late, rule);
      await sleep(refused.retryAfterMs + 50);
      await harness.limiter.refund(late, rule);
      const next = await consumeTimes(harness.limiter, late, rule, 3);
      assert.deepEqual(
        next.map((d) => d.allowed),
        [true, true, false],
      );
    });

    test('racing requests never exceed the limit', async () => {
      const rule = { points: 7, durationSec: 10 };
      const id = key();
      const decisions = await Promise.all(
        Array.from({ length: 40 }, () => harness.limiter.consume(id, rule)),
      );
      assert.equal(decisions.filter((d) => d.allowed).length, 7);
    });

    test('processes sharing the store share the count', async (t) => {
      const { peer } = harness;
      if (!peer) return t.skip('this backend counts per process');
      const rule = { points: 6, durationSec: 10 };
      const id = key();
      const decisions = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          (i % 2 ? peer : harness.limiter).consume(id, rule),
        ),
      );
      assert.equal(decisions.filter((d) => d.allowed).length, 6);
    });
  });
}

async function consumeTimes(
  limiter: RateLimiter,
  key: string,
  rule: RateRule,
  times: number,
) {
  const decisions = [];
  for (let i = 0; i < times; i += 1)
    decisions.push(await limiter.consume(key, rule));
  return decisions;
}
