import type { FastifyRequest } from 'fastify';
import type { RateRule } from '../config/config.js';
import { SleeveError } from '../errors.js';
import type { ApiKey } from '../storage/records.js';
import type { HttpContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey: ApiKey | undefined;
  }
}

/** The caller's key, or a 401. */
export async function requireKey(
  ctx: HttpContext,
  request: FastifyRequest,
): Promise<ApiKey> {
  request.apiKey ??= await ctx.accounts.authenticate(
    request.headers.authorization,
  );
  return request.apiKey;
}

export async function requireAdmin(
  ctx: HttpContext,
  request: FastifyRequest,
): Promise<ApiKey> {
  const key = await requireKey(ctx, request);
  if (!key.isAdmin) {
    throw new SleeveError(401, 'This endpoint needs an admin API key.');
  }
  return key;
}

/** New work is refused while in maintenance; reads keep working. */
export async function refuseInMaintenance(ctx: HttpContext): Promise<void> {
  if (await ctx.maintenance.isOn()) {
    throw new SleeveError(
      455,
      'Sleeve is in maintenance and takes no new work right now; reads ' +
        'still work. Try again later.',
      { retryAfterSec: 60 },
    );
  }
}

export async function limitRate(
  ctx: HttpContext,
  bucket: string,
  rule: RateRule,
  what: string,
): Promise<void> {
  const decision = await ctx.rateLimiter.consume(bucket, rule);
  if (!decision.allowed) {
    const retryAfterSec = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    throw new SleeveError(
      429,
      `Too many ${what}: at most ${rule.points} per ${rule.durationSec} s. ` +
        `Retry after ${retryAfterSec} s.`,
      { retryAfterSec },
    );
  }
}

/**
 * Runs `work` on one point of `rule`, and gives the point back when the
 * work is refused with a business error (bad input, a duplicate, too few
 * credits): such a request started nothing, and a client that repeats it
 * should keep hearing why rather than 429. The point is taken before the
 * work, so that racing requests never get past the limit together.
 */
export async function limitRateOfStartedWork<T>(
  ctx: HttpContext,
  request: FastifyRequest,
  limit: { bucket: string; rule: RateRule; what: string },
  work: () => Promise<T>,
): Promise<T> {
  await limitRate(ctx, limit.bucket, limit.rule, limit.what);
  try {
    return await work();
  } catch (error) {
    if (error instanceof SleeveError && error.code < 500) {
      await ctx.rateLimiter.refund(limit.bucket, limit.rule).catch((err) => {
        // The client still hears the real refusal; the point stays spent.
        request.log.warn({ err }, 'rate limit: refund failed');
      });
    }
    throw error;
  }
}
