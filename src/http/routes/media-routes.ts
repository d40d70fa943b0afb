import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { SleeveError } from '../../errors.js';
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

/**
 * Images and uploaded audio, served without a key: their names are 128
 * random bits. Images answer 410 Gone once their retention has passed.
 */
export function registerMediaRoutes(app: FastifyInstance, ctx: HttpContext) {
  const mirror = ctx.config.mirrorHttpStatus;
  const notFound = (reply: FastifyReply) =>
    sendError(
      reply,
      new SleeveError(404, 'No such file.', { httpStatus: 404 }),
      mirror,
    );

  app.get<{ Params: { name: string } }>(
    '/media/images/:name',
    {
      schema: {
        tags: ['media'],
        summary: 'A cover image (no key needed)',
        description:
          'The URLs in record-info and callbacks. 410 Gone once the ' +
          'retention period (14 days by default) has passed.',
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
      const bytes = await ctx.objects.get(name);
      if (!bytes) return notFound(reply);
      const maxAge = Math.floor((image.expiresAt - ctx.clock.now()) / 1000);
      return reply
        .header('Content-Type', image.contentType)
        .header('Cache-Control', `public, max-age=${maxAge}, immutable`)
        .send(bytes);
    },
  );

  app.get<{ Params: { name: string } }>(
    '/media/audio/:name',
    {
      schema: {
        tags: ['media'],
        summary: 'Uploaded audio (no key needed)',
        description: 'The audioUrl of music created with an upload.',
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
      const bytes = await ctx.objects.get(name);
      if (!bytes) return notFound(reply);
      const extension = name.split('.')[1] ?? '';
      return reply
        .header(
          'Content-Type',
          AUDIO_TYPES[extension] ?? 'application/octet-stream',
        )
        .header('Cache-Control', 'public, max-age=86400')
        .send(bytes);
    },
  );
}
