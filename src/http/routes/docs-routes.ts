import type { FastifyInstance } from 'fastify';
import type { HttpContext } from '../context.js';
import { sendGalleryFile } from './gallery-routes.js';

/**
 * A readable API reference at /docs, drawn in the browser from the
 * OpenAPI document at /openapi.json, so it can never drift from the
 * schemas the server validates with.
 */
export function registerDocsRoutes(app: FastifyInstance, ctx: HttpContext) {
  app.get('/docs', { schema: { hide: true } }, (_request, reply) =>
    sendGalleryFile(reply, 'docs.html', ctx.config.mirrorHttpStatus),
  );
}
