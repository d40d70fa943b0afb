import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_RETRY_DELAYS_SEC,
  nextRetryDelayMs,
} from '../../src/delivery/retry-schedule.js';

describe('nextRetryDelayMs', () => {
  it('follows the default schedule within ±10 % and then gives up', () => {
    assert.deepEqual(
      DEFAULT_RETRY_DELAYS_SEC,
      [10, 30, 120, 600, 1800, 3600, 10800, 21600],
    );
    DEFAULT_RETRY_DELAYS_SEC.forEach((seconds, index) => {
      const delay = nextRetryDelayMs(index + 1, { seed: 'task-a' });
      assert.ok(delay !== null);
      assert.ok(delay >= seconds * 900 && delay <= seconds * 1100, `${delay}`);
    });
    const tries = DEFAULT_RETRY_DELAYS_SEC.length + 1;
    assert.equal(nextRetryDelayMs(tries, { seed: 'task-a' }), null);
    assert.equal(nextRetryDelayMs(tries + 5), null);
  });

  it('gives the same waits for the same seed', () => {
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      assert.equal(
        nextRetryDelayMs(attempt, { seed: 'task-a' }),
        nextRetryDelayMs(attempt, { seed: 'task-a' }),
      );
    }
  });

  it('spreads the waits of different seeds', () => {
    const waits = new Set<number | null>();
    for (let task = 0; task < 50; task += 1) {
      waits.add(nextRetryDelayMs(6, { seed: `task-${task}` }));
    }
    assert.ok(waits.size > 40, `only ${waits.size} distinct waits`);
    for (const wait of waits) {
      assert.ok(wait !== null && wait >= 3_240_000 && wait <= 3_960_000);
    }
  });

  it('uses a configured schedule in seconds, exactly without jitter', () => {
    const schedule = { delaysSec: [1, 2.5, 60], jitter: 0 };
    assert.equal(nextRetryDelayMs(1, schedule), 1000);
    assert.equal(nextRetryDelayMs(2, schedule), 2500);
    assert.equal(nextRetryDelayMs(3, schedule), 60_000);
    assert.equal(nextRetryDelayMs(4, schedule), null);
  });

  it('gives up at once with an empty schedule', () => {
    assert.equal(nextRetryDelayMs(1, { delaysSec: [] }), null);
  });

  it('keeps random jitter inside its bounds without a seed', () => {
    for (let run = 0; run < 200; run += 1) {
      const wait = nextRetryDelayMs(1, { delaysSec: [100], jitter: 0.5 });
      assert.ok(wait !== null && wait >= 50_000 && wait <= 150_000);
    }
  });

  it('refuses attempt numbers below 1 and jitter outside [0, 1)', () => {
    for (const attempt of [0, -1, 1.5, Number.NaN]) {
      assert.throws(() => nextRetryDelayMs(attempt), RangeError);
    }
    for (const jitter of [-0.1, 1, 2, Number.NaN]) {
      assert.throws(() => nextRetryDelayMs(1, { jitter }), RangeError);
    }
  });
});
