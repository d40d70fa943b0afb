import fresh from 'fresh';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RouteShorthandOptions,
} from 'fastify';
import { Type } from 'typebox';
import { SleeveError, type ApiCode } from '../../errors.js';
import { httpDate, planRange } from '../byte-ranges.js';
import type { HttpContext } from '../context.js';
import { sendError } from '../error-handler.js';
import { envelope, fileResponse } from '../schemas.js';

const IMAGE_NAME = /^[0-9a-f]{32}\.(png|jpeg|webp)$/;
const AUDIO_NAME = /^[0-9a-f]{32}\.(mp3|ogg|wav|flac|m4a)$/;
const AUDIO_TYPES: Record<string, string> = {
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
};

type MediaRoute = { Params: { name: string } };
type MediaRequest = FastifyRequest<MediaRoute>;

/** How one file is to be sent, once its route has found it may be. */
interface MediaFile {
  name: string;
  contentType: string;
  cacheControl: string;
}

/**
 * Images and uploaded audio, served without a key: their names are 128
 * random bits. Images answer 410 Gone once their retention has passed.
 * Both answer byte ranges (audio players seek with them, download
 * managers resume with them) and HEAD, and neither reads a whole object
 * into memory.
 */
export function registerMediaRoutes(app: FastifyInstance, ctx: HttpContext) {
  const mirror = ctx.config.mirrorHttpStatus;
  const notFound = (reply: FastifyReply) =>
    sendError(reply, noSuchFile(), mirror);
  const send = (request: MediaRequest, reply: FastifyReply, file: MediaFile) =>
    sendObject(ctx, request, reply, file);

  getAndHead(
    app,
    '/media/images/:name',
    {
      schema: {
        tags: ['media'],
        summary: 'A cover image (no key needed)',
        description:
          'The URLs in record-info and callbacks. 410 Gone once the ' +
          'retention period (14 days by default) has passed. ' +
          RANGES_NOTE,
        security: [],
        response: {
          200: fileResponse('The image.', [
            'image/png',
            'image/jpeg',
            'image/webp',
          ]),
          404: envelope(Type.Null()),
          410: envelope(Type.Null()),
        },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      if (!IMAGE_NAME.test(name)) return notFound(reply);
      const image = await ctx.stores.images.get(name);
      if (!image) return notFound(reply);
      if (image.deleted || image.expiresAt <= ctx.clock.now()) {
        return sendError(
          reply,
          new SleeveError(
            410,
            'This image has expired; images are kept ' +
              'for the retention period only.',
            { httpStatus: 410 },
          ),
          mirror,
        );
      }
      const maxAge = Math.floor((image.expiresAt - ctx.clock.now()) / 1000);
      return send(request, reply, {
        name,
        contentType: image.contentType,
        cacheControl: `public, max-age=${maxAge}, immutable`,
      });
    },
  );

  getAndHead(
    app,
    '/media/audio/:name',
    {
      schema: {
        tags: ['media'],
        summary: 'Uploaded audio (no key needed)',
        description:
          'The audioUrl of music created with an upload. ' + RANGES_NOTE,
        security: [],
        response: {
          200: fileResponse('The audio file.', Object.values(AUDIO_TYPES)),
          404: envelope(Type.Null()),
        },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      if (!AUDIO_NAME.test(name)) return notFound(reply);
      const extension = name.split('.')[1] ?? '';
      return send(request, reply, {
        name,
        contentType: AUDIO_TYPES[extension] ?? 'application/octet-stream',
        cacheControl: 'public, max-age=86400',
      });
    },
  );
}

const RANGES_NOTE =
  'Answers Range: bytes=a-b, a- and -n with 206 (one range; several ' +
  'that do not touch get the whole file), 416 outside the file, and ' +
  'If-Range, If-None-Match and If-Modified-Since against its ETag and ' +
  'Last-Modified.';

/**
 * GET with an explicit HEAD beside it: Fastify's own HEAD route would run
 * the GET and read the whole body only to drop it. The HEAD twin stays
 * out of the OpenAPI document, which lists GET only.
 */
function getAndHead(
  app: FastifyInstance,
  path: string,
  options: RouteShorthandOptions,
  handler: (request: MediaRequest, reply: FastifyReply) => Promise<unknown>,
) {
  app.get<MediaRoute>(path, { ...options, exposeHeadRoute: false }, handler);
  app.head<MediaRoute>(
    path,
    { schema: { ...options.schema, hide: true } },
    handler,
  );
}

/**
 * Sends one stored object: 304 when the client's copy is current, 206
 * with one byte range, 416 for a range outside the object, else 200 with
 * all of it. HEAD sends the same headers and reads no bytes.
 */
async function sendObject(
  ctx: HttpContext,
  request: MediaRequest,
  reply: FastifyReply,
  file: MediaFile,
): Promise<FastifyReply> {
  const mirror = ctx.config.mirrorHttpStatus;
  const object = await ctx.objects.stat(file.name);
  if (!object) return sendError(reply, noSuchFile(), mirror);

  reply.header('Accept-Ranges', 'bytes');
  const validators = {
    etag: object.etag,
    'last-modified': httpDate(object.modifiedAt),
  };
  if (fresh(request.headers, validators)) {
    return reply
      .headers(validators)
      .header('Cache-Control', file.cacheControl)
      .status(304)
      .send();
  }

  const plan = planRange(request.headers, object);
  if (plan.kind === 'unsatisfiable') {
    reply.header('Content-Range', `bytes */${object.size}`);
    return sendError(reply, unsatisfiable(object.size), mirror);
  }
  const range = plan.kind === 'part' ? plan.range : undefined;
  const body =
    request.method === 'HEAD' ? null : await ctx.objects.read(file.name, range);
  if (body === undefined) return sendError(reply, noSuchFile(), mirror);

  reply
    .headers(validators)
    .header('Content-Type', file.contentType)
    .header('Cache-Control', file.cacheControl);
  if (range) {
    reply
      .status(206)
      .header(
        'Content-Range',
        `bytes ${range.start}-${range.end}/${object.size}`,
      )
      .header('Content-Length', String(range.end - range.start + 1));
  } else {
    reply.header('Content-Length', String(object.size));
  }
  return reply.send(body);
}

const noSuchFile = () =>
  new SleeveError(404, 'No such file.', { httpStatus: 404 });

const unsatisfiable = (size: number) =>
  new SleeveError(
    416 as ApiCode,
    `The range asked for lies outside the file, which has ${size} bytes.`,
    { httpStatus: 416 },
  );
