import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
} from 'fastify';
import { SleeveError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { HttpContext } from './context.js';
import { requireAdmin, requireKey } from './guards.js';
import {
  answerClientError,
  answerFrameworkError,
  installErrorHandling,
  sendError,
} from './error-handler.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerCoverRoutes } from './routes/cover-routes.js';
import { registerCreditRoutes } from './routes/credit-routes.js';
import { registerDocsRoutes } from './routes/docs-routes.js';
import { registerDownloadRoutes } from './routes/download-routes.js';
import { registerGalleryRoutes } from './routes/gallery-routes.js';
import {
  registerHealthRoutes,
  type HealthCheck,
} from './routes/health-routes.js';
import { registerMediaRoutes } from './routes/media-routes.js';
import { registerMusicRoutes } from './routes/music-routes.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const CORS_OPTIONS = {
  origin: true,
  allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
  exposedHeaders: ['Retry-After', 'X-Request-Id'],
  maxAge: 86_400,
};
const MAX_ID_LENGTH = 64;

/** The HTTP API: thin routes over the domain services in `ctx`. */
export async function buildHttpServer(
  ctx: HttpContext,
  logger: Logger,
  health: HealthCheck,
): Promise<FastifyInstance> {
  const timeouts = requestTimeouts(ctx.config.requestTimeoutMs);
  const app: FastifyInstance = Fastify({
    ...timeouts.fastify,
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: ctx.config.maxBodyBytes,
    // Every id Sleeve makes or imports is at most 64 characters; a longer
    // one in a path is answered 404 before any route runs.
    routerOptions: { maxParamLength: MAX_ID_LENGTH },
    requestIdHeader: false,
    genReqId: pickRequestId,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    // Sleeve answers requests that arrive while closing itself, in the
    // envelope (refuseWhileClosing); Fastify's own 503 body is not one.
    return503OnClosing: false,
    frameworkErrors: answerFrameworkError(
      ctx.config,
      CORS_OPTIONS.exposedHeaders,
    ),
    clientErrorHandler: answerClientError,
  });
  app.server.headersTimeout = timeouts.headersTimeout;
  app.decorateRequest('apiKey', undefined);
  // Hooks that never wait are written with callbacks: an async hook costs
  // a promise on every request, measurable at record-info's rates.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  // Before the hooks that refuse (401, 400), so that its headers are on
  // every answer: a browser shows a refusal without them as an opaque
  // network error. It answers preflights itself.
  await app.register(cors, CORS_OPTIONS);
  refuseWhileClosing(app, ctx.config.mirrorHttpStatus);
  authenticateApiRoutes(app, ctx);
  if (logger.isLevelEnabled('debug')) {
    app.addHook('onResponse', async (request, reply) => {
      request.log.debug(
        { url: request.routeOptions.url, status: reply.statusCode },
        'request',
      );
    });
  }

  installErrorHandling(app, ctx.config);
  acceptJsonWhateverTheType(app);
  await app.register(multipart, {
    limits: {
      fileSize: ctx.config.maxAudioBytes,
      files: 1,
      fields: 10,
      fieldSize: 64 * 1024,
    },
  });
  await registerOpenApi(app);

  registerCoverRoutes(app, ctx);
  registerMusicRoutes(app, ctx);
  registerCreditRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerMediaRoutes(app, ctx);
  registerDownloadRoutes(app, ctx);
  registerGalleryRoutes(app, ctx);
  registerDocsRoutes(app, ctx);
  registerHealthRoutes(app, ctx, health);
  return app;
}

/**
 * A client that sends its headers or body slowly, or stops half-way, is
 * answered HTTP 408 and cut off, rather than holding a connection for
 * ever. The headers must arrive within 10 s (or the whole limit, if that
 * is shorter); the whole request, a large upload too, within
 * SLEEVE_REQUEST_TIMEOUT_SEC. Node checks the clocks every few seconds.
 */
function requestTimeouts(requestTimeout: number) {
  const headersTimeout = Math.min(10_000, requestTimeout);
  return {
    headersTimeout,
    fastify: {
      requestTimeout,
      // A socket silent for longer is closed, without an answer; later
      // than the 408 above, which a stalled request gets first.
      connectionTimeout: requestTimeout + headersTimeout,
      http: {
        connectionsCheckingInterval: Math.max(
          100,
          Math.min(5_000, headersTimeout / 4),
        ),
      },
    },
  };
}

/** Long enough for a restart, or for a load balancer to pick another. */
const CLOSING_RETRY_AFTER_SEC = 5;

/**
 * Once close() has begun, requests already running finish, and those that
 * still arrive on open connections (keep-alive, pipelined) are refused at
 * once: HTTP 503 with code 455 in the envelope, the contract's code for
 * "unavailable, try again later", and Retry-After. Every answer sent while
 * closing says Connection: close, so clients reconnect to a live server,
 * and no connection outlives its last answer.
 */
function refuseWhileClosing(app: FastifyInstance, mirror: boolean) {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    const message =
      'Sleeve is shutting down and takes no new requests on this ' +
      'connection; try again in a moment.';
    const refusal = new SleeveError(455, message, {
      httpStatus: 503,
      retryAfterSec: CLOSING_RETRY_AFTER_SEC,
    });
    // Answering from a callback hook: the reply is sent, done() is not.
    sendError(reply, refusal, mirror);
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('Connection', 'close');
    done(null, payload);
  });
  // close() ends the connections that are idle when it begins. One whose
  // answer was under way then (a file still streaming) goes idle later and
  // would stay open until its keep-alive timeout, 72 s, holding up close().
  app.addHook('onResponse', (_request, _reply, done) => {
    if (closing) app.server.closeIdleConnections();
    done();
  });
}

/**
 * Every /api/ route needs a key, and the admin routes an admin key. The
 * check runs before the body is read or validated, so a caller without a
 * key learns that first (401), not what is wrong with the body.
 */
function authenticateApiRoutes(app: FastifyInstance, ctx: HttpContext) {
  app.addHook('onRequest', async (request) => {
    refuseUndecodableQuery(request.url);
    const route = request.routeOptions.url;
    if (route?.startsWith('/api/v1/sleeve/admin/')) {
      await requireAdmin(ctx, request);
    } else if (route?.startsWith('/api/')) {
      await requireKey(ctx, request);
    }
  });
}

/**
 * Fastify hands a query whose percent-encoding does not decode to the
 * routes as it came ("%E0%A4%A"), where it would read as an unknown id.
 * It is refused instead, as a path that does not decode is.
 */
function refuseUndecodableQuery(url: string): void {
  const query = url.indexOf('?');
  if (query < 0 || !url.includes('%', query)) return;
  try {
    decodeURIComponent(url.slice(query + 1));
  } catch {
    throw new SleeveError(
      400,
      'The URL is not valid; check its percent-encoding.',
      { httpStatus: 400 },
    );
  }
}

/** A caller's own request id is kept when it is short and plain. */
function pickRequestId(request: { headers: FastifyRequest['headers'] }) {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given)
    ? given
    : randomUUID();
}

/**
 * Many clients (curl -d, some SDKs) send JSON without the JSON content
 * type; the providers accept it, so Sleeve reads any body as JSON. Fastify's
 * own text/plain parser goes too: it would hand the routes a string, and
 * text/plain is what fetch() sends for a string body.
 */
function acceptJsonWhateverTheType(app: FastifyInstance) {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  const parse = (
    raw: string,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    // Windows editors save JSON files with a byte order mark; curl -d @file
    // sends it along. It is no part of the JSON.
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      const message = `The body nests deeper than ${MAX_JSON_DEPTH} levels; no request of this API does.`;
      return done(new SleeveError(400, message), undefined);
    }
    try {
      done(null, JSON.parse(text, refusePrototypeKeys));
    } catch (error) {
      done(error as Error, undefined);
    }
  };
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string' },
    (_request, body, done) => {
      // Said to be JSON, an empty body is not: code 400, as bad JSON is.
      if (String(body).trim() === '') {
        return done(new SyntaxError('empty JSON body'), undefined);
      }
      parse(String(body), done);
    },
  );
  app.addContentTypeParser(
    '*',
    { parseAs: 'string' },
    (_request, body, done) => {
      if (String(body).trim() === '') return done(null, undefined);
      parse(String(body), done);
    },
  );
}

/**
 * Far more than any request needs, far less than what overflows the stack
 * of JSON.parse's reviver and of the validators that walk a body.
 */
const MAX_JSON_DEPTH = 64;

/** Counts brackets outside strings; stops as soon as the limit is passed. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

/**
 * A `__proto__` key, or `constructor.prototype`, is refused: merged into
 * an object later, it could change what every object inherits.
 */
function refusePrototypeKeys(key: string, value: unknown): unknown {
  const poisoned =
    key === '__proto__' ||
    (key === 'constructor' &&
      typeof value === 'object' &&
      value !== null &&
      Object.hasOwn(value, 'prototype'));
  if (poisoned) {
    throw new SleeveError(
      400,
      `The body contains a ${key === '__proto__' ? '__proto__' : 'constructor.prototype'} ` +
        'key, which is refused.',
    );
  }
  return value;
}

async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Sleeve API',
        description:
          'Drop-in compatible cover art API for Suno-style music tasks.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          BearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'API Key',
          },
        },
      },
      security: [{ BearerAuth: [] }],
      tags: [
        {
          name: 'cover',
          description: 'Cover tasks, as the providers have them.',
        },
        {
          name: 'music',
          description: 'Music records that covers are made for.',
        },
        { name: 'credits', description: "Both providers' credit endpoints." },
        { name: 'media', description: 'Image and audio files; no key needed.' },
        { name: 'admin', description: 'Operator endpoints; an admin key.' },
        { name: 'operations', description: 'Health for load balancers.' },
      ],
    },
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
