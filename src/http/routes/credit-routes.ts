import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../context.js';
import { success } from '../envelope.js';
import { requireKey } from '../guards.js';
import { Credits, envelope } from '../schemas.js';

/** kie and Apikley use /chat/credit, sunoapi.org /generate/credit. */
const CREDIT_PATHS = ['/api/v1/chat/credit', '/api/v1/generate/credit'];

export function registerCreditRoutes(app: FastifyInstance, ctx: HttpContext) {
  for (const path of CREDIT_PATHS) {
    app.get(
      path,
      {
        schema: {
          tags: ['credits'],
          summary: 'Remaining credits of the calling key',
          response: { 200: envelope(Credits) },
        },
      },
      async (request) => {
        const key = await requireKey(ctx, request);
        return success(await ctx.accounts.creditsOf(key.id));
      },
    );
  }
}
