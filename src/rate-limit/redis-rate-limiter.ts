import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { RedisSettings } from '../config/config.js';
import type { Logger } from '../logger.js';
import { FlexibleRateLimiter } from './flexible-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

/**
 * A command that waits longer than this is treated as Redis being down:
 * a rate check must never hold an API request for long.
 */
const COMMAND_TIMEOUT_MS = 1_000;

/**
 * Rate counts shared by every API process through Redis. The connection is
 * made before this answers, so a wrong URL stops the start. While Redis is
 * unreachable later on, each process falls back to counting in its own
 * memory: limits then hold per process instead of for the whole cluster,
 * which is better than refusing every request or allowing all of them.
 */
export async function openRedisRateLimiter(
  settings: RedisSettings,
  logger: Logger,
): Promise<RateLimiter> {
  const client = new Redis(settings.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
    logger.warn({ err: error }, 'redis: rate-limit store unreachable');
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    // connect() rejects with "Connection is closed."; why it closed
    // (ECONNREFUSED, a host not found) came as an 'error' event.
    throw lastError ?? error;
  }

  return new FlexibleRateLimiter(
    (rule, prefix) => {
      const shape = { points: rule.points, duration: rule.durationSec };
      return new RateLimiterRedis({
        ...shape,
        storeClient: client,
        keyPrefix: `${settings.keyPrefix}${prefix}`,
        insuranceLimiter: new RateLimiterMemory({
          ...shape,
          keyPrefix: prefix,
        }),
      });
    },
    async () => {
      await client.quit().catch(() => client.disconnect());
    },
  );
}
