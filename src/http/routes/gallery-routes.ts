import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { SleeveError } from '../../errors.js';
import type { HttpContext } from '../context.js';
import { sendError } from '../error-handler.js';
import { galleryFontFile, SCRIPT_FONTS_CSS } from '../gallery-fonts.js';

/**
 * The gallery's static files sit beside this module's folder: src/gallery
 * when run from source, dist/gallery once built (the build copies them).
 */
const GALLERY_DIR = fileURLToPath(new URL('../../gallery/', import.meta.url));

const ASSET = /^(?:views\/)?[a-z0-9-]+\.(html|css|js|svg)$/;
const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
};

/**
 * The pages hold an API key in sessionStorage, so they run only their own
 * scripts; images may come from the configured public URL.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' blob: http: https:",
  "script-src 'self'",
  "style-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Sends one file of the gallery folder, or a 404 envelope. */
export async function sendGalleryFile(
  reply: FastifyReply,
  name: string,
  mirror: boolean,
): Promise<FastifyReply> {
  const match = ASSET.exec(name);
  const bytes = match ? await readOrNull(path.join(GALLERY_DIR, name)) : null;
  if (!match || !bytes) return sendError(reply, notFound(), mirror);

  const type = match[1] ?? 'html';
  if (type === 'html') {
    reply
      .header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
      .header('Referrer-Policy', 'no-referrer')
      .header('X-Frame-Options', 'DENY');
  }
  return reply
    .header('Content-Type', TYPES[type])
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'no-cache')
    .send(bytes);
}

/** The web gallery at / and /gallery, and its files under /gallery/. */
export function registerGalleryRoutes(app: FastifyInstance, ctx: HttpContext) {
  const mirror = ctx.config.mirrorHttpStatus;
  const page = { schema: { hide: true } };

  app.get('/', page, (_request, reply) =>
    sendGalleryFile(reply, 'index.html', mirror),
  );
  app.get('/gallery', page, (_request, reply) =>
    sendGalleryFile(reply, 'index.html', mirror),
  );
  app.get('/gallery/scripts.css', page, (_request, reply) =>
    reply
      .header('Content-Type', TYPES['css'])
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'no-cache')
      .send(SCRIPT_FONTS_CSS),
  );
  app.get<{ Params: { '*': string } }>('/gallery/*', page, (request, reply) =>
    sendGalleryFile(reply, request.params['*'], mirror),
  );
  app.get<{ Params: { name: string } }>(
    '/gallery/fonts/:name',
    page,
    (request, reply) => sendFont(reply, request.params.name, mirror),
  );
}

/**
 * Streamed, not read whole: the Chinese and Japanese faces are 5-10 MB
 * each, and a page of such titles asks for several at once.
 */
async function sendFont(reply: FastifyReply, name: string, mirror: boolean) {
  const file = galleryFontFile(name);
  const size = file ? await sizeOrNull(file) : null;
  if (!file || size === null) return sendError(reply, notFound(), mirror);
  return reply
    .header('Content-Type', 'font/ttf')
    .header('Content-Length', String(size))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'public, max-age=604800, immutable')
    .send(createReadStream(file));
}

async function sizeOrNull(file: string): Promise<number | null> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return null;
  }
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}

const notFound = () =>
  new SleeveError(404, 'No such file.', { httpStatus: 404 });
