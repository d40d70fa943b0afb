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
