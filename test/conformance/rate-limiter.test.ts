import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Redis } from 'ioredis';
import { createMemoryRateLimiter } from '../../src/rate-limit/flexible-rate-limiter.js';
import { openRedisRateLimiter } from '../../src/rate-limit/redis-rate-limiter.js';
import { createLogger } from '../../src/logger.js';
import { randomSuffix, TEST_REDIS_URL } from './support/services.js';
import { rateLimiterSuite } from './suites/rate-limiter-suite.js';

const logger = createLogger({ logLevel: 'silent', logFormat: 'json' });

rateLimiterSuite('memory', async () => {
  const limiter = createMemoryRateLimiter();
  return { limiter, peer: undefined, close: () => limiter.close() };
});

rateLimiterSuite('Redis (random key prefix)', async () => {
  const settings = {
    url: TEST_REDIS_URL,
    keyPrefix: `sleeve-test-${randomSuffix()}:`,
  };
  const limiter = await openRedisRateLimiter(settings, logger);
  const peer = await openRedisRateLimiter(settings, logger);
  return {
    limiter,
    peer,
    close: async () => {
      await limiter.close();
      await peer.close();
      await deleteKeys(settings.keyPrefix);
    },
  };
});

test('Redis counts live under the configured prefix only', async () => {
  const keyPrefix = `sleeve-test-${randomSuffix()}:`;
  const limiter = await openRedisRateLimiter(
    { url: TEST_REDIS_URL, keyPrefix },
    logger,
  );
  await limiter.consume('generate:key_1', { points: 20, durationSec: 10 });
  await limiter.close();

  const keys = await deleteKeys(keyPrefix);
  assert.deepEqual(keys, [`${keyPrefix}rl20p10s:generate:key_1`]);
});

test('an unreachable Redis stops the start with an error', async () => {
  // Port 1 on loopback: nothing listens there, the refusal is immediate.
  await assert.rejects(
    openRedisRateLimiter(
      { url: 'redis://127.0.0.1:1', keyPrefix: 'x:' },
      logger,
    ),
    /ECONNREFUSED|Connection is closed/,
  );
});

/** Removes the test's keys; answers the names that were there. */
async function deleteKeys(prefix: string): Promise<string[]> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    return keys.sort();
  } finally {
    await redis.quit();
  }
}
