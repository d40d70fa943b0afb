import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../context.js';
import { envelope, HealthState } from '../schemas.js';

export interface HealthCheck {
  /** Resolves when the backing services answer. */
  check(): Promise<void>;
}

export function registerHealthRoutes(
  app: FastifyInstance,
  ctx: HttpContext,
  health: HealthCheck,
) {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness and readiness',
        description: 'HTTP 503 when the database or queue does not answer.',
        security: [],
        response: {
          200: envelope(HealthState),
          503: envelope(HealthState),
        },
      },
    },
    async (request, reply) => {
      try {
        await health.check();
      } catch (error) {
        request.log.error({ err: error }, 'health check failed');
        return reply
          .status(503)
          .send({ code: 500, msg: 'unhealthy', data: { ok: false } });
      }
      const maintenance = await ctx.maintenance.isOn();
      return { code: 200, msg: 'success', data: { ok: true, maintenance } };
    },
  );
}
