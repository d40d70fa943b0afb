import '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { coverInputOf } from '../../covers/render-cover-task.js';
import { MAX_SIZE, MIN_SIZE } from '../../engine/render-options.js';
import type { ImageFormat } from '../../engine/types.js';
import { SleeveError } from '../../errors.js';
import type { ApiKey, StoredImage } from '../../storage/records.js';
import type { HttpContext } from '../context.js';
import { limitRate, requireKey } from '../guards.js';

const FORMATS = ['png', 'jpeg', 'webp'] as const;
const CONTENT_TYPES: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
};

const DownloadParams = Type.Object({
  taskId: Type.String({ description: 'The cover task id.' }),
  position: Type.String({
    pattern: '^[0-9]{1,2}$',
    description: 'Which image of the task: 0 or 1, as in response.images.',
  }),
});

const DownloadQuery = Type.Object({
  format: Type.Optional(
    Type.Unsafe<ImageFormat>({
      type: 'string',
      enum: [...FORMATS],
      description: 'png (default), jpeg or webp.',
    }),
  ),
  size: Type.Optional(
    Type.String({
      description: `Edge length in px, ${MIN_SIZE}-${MAX_SIZE}; default the server's image size.`,
    }),
  ),
});

const binary = { schema: { type: 'string', format: 'binary' } };

/**
 * Sleeve: a cover image in another size or format, for the gallery's
 * downloads. The art engine is deterministic, so rendering the stored
 * style again from the same music gives the same picture at any size
 * (as the engine of the day draws it; the stored size is served as
 * stored).
 */
export function registerDownloadRoutes(app: FastifyInstance, ctx: HttpContext) {
  app.get<{
    Params: Static<typeof DownloadParams>;
    Querystring: Static<typeof DownloadQuery>;
  }>(
    '/api/v1/sleeve/covers/:taskId/images/:position',
    {
      config: { answersFile: true },
      schema: {
        tags: ['cover'],
        summary: 'Download a cover image in any size (up to 3000 px)',
        description:
          'The stored image when it is the asked size and format (PNG at ' +
          "the server's image size); otherwise the image rendered again, in " +
          'its stored style, at the asked size and format. Needs the key ' +
          'that made the cover. Errors are the usual JSON envelope, sent ' +
          'with the real HTTP status (401, 404, 410, 422, 429).',
        params: DownloadParams,
        querystring: DownloadQuery,
        response: {
          200: {
            description: 'The image file, as an attachment.',
            content: Object.fromEntries(
              Object.values(CONTENT_TYPES).map((type) => [type, binary]),
            ),
          },
        },
      },
    },
    async (request, reply) => {
      const key = await requireKey(ctx, request);
      await limitRate(
        ctx,
        `download:${key.id}`,
        ctx.config.rateGenerate,
        'downloads',
      );
      const format = request.query.format ?? 'png';
      const size = parseSize(request.query.size, ctx.config.imageSize);
      const { taskId, position } = request.params;
      const image = await renderDownload(ctx, key, taskId, Number(position), {
        format,
        size,
      });
      return reply
        .header('Content-Type', CONTENT_TYPES[format])
        .header('Content-Disposition', `attachment; filename="${image.name}"`)
        .header('Cache-Control', 'private, max-age=3600')
        .send(image.bytes);
    },
  );
}

interface DownloadOptions {
  format: ImageFormat;
  size: number;
}

async function renderDownload(
  ctx: HttpContext,
  key: ApiKey,
  taskId: string,
  position: number,
  options: DownloadOptions,
): Promise<{ name: string; bytes: Buffer }> {
  const cover = await ctx.stores.coverTasks.get(taskId);
  if (!cover || cover.keyId !== key.id) throw noSuchImage();
  if (cover.status !== 'success') {
    throw new SleeveError(422, 'This cover has not finished yet.');
  }
  const images = await ctx.stores.images.listForTask(taskId);
  const image = images.find((i) => i.position === position);
  const music = await ctx.music.get(key.id, cover.parentTaskId);
  if (!image || !music) throw noSuchImage();
  if (image.deleted || image.expiresAt <= ctx.clock.now()) {
    throw new SleeveError(
      410,
      'This cover has expired; covers are kept for the retention period only.',
      { httpStatus: 410 },
    );
  }

  const bytes =
    (await storedIfAsked(ctx, image, options)) ??
    (
      await ctx.renderer.renderStyle(
        coverInputOf(music, music.features),
        image.style,
        { ...options, variation: cover.variation },
      )
    ).bytes;
  const title = slug(music.tracks?.[0]?.title ?? '') || 'cover';
  const name = `${title}-${image.style}-${options.size}.${options.format}`;
  return { name, bytes };
}

/**
 * The stored image itself when it is the asked format and size: the
 * download is then the very file record-info points at, even when the
 * engine has changed since the cover was made.
 */
async function storedIfAsked(
  ctx: HttpContext,
  image: StoredImage,
  options: DownloadOptions,
): Promise<Buffer | undefined> {
  if (options.format !== 'png' || image.contentType !== 'image/png') return;
  const bytes = await ctx.objects.get(image.name);
  return bytes && pngWidth(bytes) === options.size ? bytes : undefined;
}

const PNG_SIGNATURE = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
]);

/** The width in a PNG's header (IHDR, the first chunk), or undefined. */
function pngWidth(bytes: Buffer): number | undefined {
  const isPng =
    bytes.length >= 24 &&
    bytes.subarray(0, 8).equals(PNG_SIGNATURE) &&
    bytes.toString('latin1', 12, 16) === 'IHDR';
  return isPng ? bytes.readUInt32BE(16) : undefined;
}

function parseSize(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const size = Number(raw);
  if (!/^\d+$/.test(raw) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new SleeveError(
      422,
      `size must be a whole number of pixels from ${MIN_SIZE} to ${MAX_SIZE}.`,
    );
  }
  return size;
}

const noSuchImage = () =>
  new SleeveError(404, 'No such cover image for this key.', {
    httpStatus: 404,
  });

/** A file name part: ASCII letters and digits, so every browser keeps it. */
function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
}
