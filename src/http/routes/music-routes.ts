import '@fastify/multipart';
import '@fastify/swagger';
import { finished } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from 'typebox';
import { SleeveError } from '../../errors.js';
import type { NewMusic, UploadedAudio } from '../../music/music-service.js';
import { toMusicRecordInfo } from '../../music/music-details.js';
import { toMusicView } from '../../music/music-view.js';
import type { ApiKey, MusicTask } from '../../storage/records.js';
import { storageFailure } from '../../storage/storage-failure.js';
import { couldBeTaskId } from '../../storage/task-ids.js';
import type { HttpContext } from '../context.js';
import { success } from '../envelope.js';
import { refuseInMaintenance, requireKey } from '../guards.js';
import {
  envelope,
  MusicPage,
  MusicRecordInfo,
  MusicView,
  OrNull,
  TaskIdData,
  TaskIdQuery,
} from '../schemas.js';

const ListQuery = Type.Object({
  limit: Type.Optional(Type.String({ description: '1-100, default 24' })),
  before: Type.Optional(
    Type.String({ description: 'Cursor: nextBefore of the previous page' }),
  ),
});

export function registerMusicRoutes(app: FastifyInstance, ctx: HttpContext) {
  app.post(
    '/api/v1/sleeve/music/import',
    {
      schema: {
        tags: ['music'],
        summary: 'Import a music record saved from a hosted provider',
        description:
          "Takes the whole {code,msg,data} body of the providers' " +
          'GET /api/v1/generate/record-info, or its data. Importing the ' +
          'same record again changes nothing.',
        response: { 200: envelope(OrNull(TaskIdData)) },
      },
    },
    async (request) => {
      const key = await requireKey(ctx, request);
      await refuseInMaintenance(ctx);
      const task = await ctx.music.importRecord(key.id, request.body);
      return success({ taskId: task.taskId });
    },
  );

  app.post(
    '/api/v1/sleeve/music',
    {
      schema: {
        tags: ['music'],
        summary: 'Create a music record (JSON, or multipart with audio)',
        description:
          'Fields title (required), tags, prompt (lyrics), artist; as ' +
          'multipart/form-data, an optional audio file in the part ' +
          '"audio" (mp3, ogg, wav, flac or m4a).',
        response: { 200: envelope(OrNull(TaskIdData)) },
      },
    },
    async (request) => {
      const key = await requireKey(ctx, request);
      await refuseInMaintenance(ctx);
      const { fields, audio } = await readMusicForm(ctx, request);
      const task = await ctx.music.create(key.id, fields, audio);
      return success({ taskId: task.taskId });
    },
  );

  app.get<{ Querystring: Static<typeof TaskIdQuery> }>(
    '/api/v1/generate/record-info',
    {
      schema: {
        tags: ['music'],
        summary: "Get a music record in the providers' shape",
        querystring: TaskIdQuery,
        response: {
          200: envelope(OrNull(MusicRecordInfo)),
        },
      },
    },
    async (request) => {
      const key = await requireKey(ctx, request);
      const music = await ctx.music.get(key.id, request.query.taskId);
      return success(music ? toMusicRecordInfo(music, ctx.urls) : null);
    },
  );

  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/sleeve/music',
    {
      schema: {
        tags: ['music'],
        summary: 'List your music records with their covers, newest first',
        querystring: ListQuery,
        response: { 200: envelope(OrNull(MusicPage)) },
      },
    },
    async (request) => {
      const key = await requireKey(ctx, request);
      const limit = parseLimit(request.query.limit);
      const after = parseCursor(request.query.before);
      const tasks = await ctx.music.list(key.id, {
        limit,
        ...(after && { after }),
      });
      const items = await viewsOf(ctx, key, tasks);
      const last = tasks.at(-1);
      const nextBefore =
        tasks.length === limit && last
          ? `${last.createdAt}.${last.taskId}`
          : null;
      return success({ items, nextBefore });
    },
  );

  app.get<{ Params: { taskId: string } }>(
    '/api/v1/sleeve/music/:taskId',
    {
      schema: {
        tags: ['music'],
        summary: 'One music record with its features and newest cover',
        description: "Unknown ids, and other keys' records, answer data null.",
        response: { 200: envelope(OrNull(MusicView)) },
      },
    },
    async (request) => {
      const key = await requireKey(ctx, request);
      const music = await ctx.music.get(key.id, request.params.taskId);
      if (!music) return success(null);
      const [view] = await viewsOf(ctx, key, [music]);
      return success(view ?? null);
    },
  );
}

async function viewsOf(ctx: HttpContext, key: ApiKey, tasks: MusicTask[]) {
  const covers = await ctx.stores.coverTasks.listForParents(
    key.id,
    tasks.map((t) => t.taskId),
  );
  const newest = new Map<string, (typeof covers)[number]>();
  for (const cover of covers) {
    if (!newest.has(cover.parentTaskId)) newest.set(cover.parentTaskId, cover);
  }
  const images = await ctx.stores.images.listForTasks(
    [...newest.values()].map((c) => c.taskId),
  );
  return tasks.map((music) =>
    toMusicView(music, newest.get(music.taskId), images, ctx.urls),
  );
}

/** Music as JSON, or as multipart form fields with an `audio` file. */
async function readMusicForm(
  ctx: HttpContext,
  request: FastifyRequest,
): Promise<{ fields: NewMusic; audio?: UploadedAudio }> {
  if (!request.isMultipart()) {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new SleeveError(422, 'The body must be a JSON object.');
    }
    return { fields: body as NewMusic };
  }

  try {
    return await readParts(ctx, request);
  } catch (error) {
    throw asFormError(error);
  }
}

/**
 * Reads every part to its end, even once the form is refused: answering
 * while the upload is still arriving leaves it unread, and the client's
 * connection then hangs. The audio goes to a staged file as it arrives;
 * a refused form leaves none behind.
 */
async function readParts(
  ctx: HttpContext,
  request: FastifyRequest,
): Promise<{ fields: NewMusic; audio?: UploadedAudio }> {
  const fields: Record<string, string> = {};
  let audio: UploadedAudio | undefined;
  let refusal: unknown;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        if (typeof part.value === 'string') fields[part.fieldname] = part.value;
      } else if (part.fieldname !== 'audio') {
        refusal ??= new SleeveError(
          422,
          'Send the audio file in the part "audio".',
        );
        await finished(part.file.resume());
      } else {
        audio = await ctx.music.stageAudio(part.file);
        // Past the size limit the parser ends the file early and marks it.
        if (part.file.truncated) {
          refusal ??=
            new request.server.multipartErrors.RequestFileTooLargeError();
        }
      }
    }
  } catch (error) {
    refusal ??= error;
  }
  if (refusal) {
    if (audio) await ctx.music.discardAudio(audio);
    throw refusal;
  }
  return audio ? { fields, audio } : { fields };
}

/**
 * Limits, refusals and a full disk keep their own answer; anything else the
 * multipart parser throws means the body was cut short or is not a form.
 */
function asFormError(error: unknown): unknown {
  if (error instanceof SleeveError || storageFailure(error)) return error;
  const code = error instanceof Error && 'code' in error ? error.code : null;
  if (typeof code === 'string' && code.startsWith('FST_')) return error;
  return new SleeveError(
    400,
    'The multipart form is cut short or malformed; send the whole form again.',
  );
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return 24;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new SleeveError(422, 'limit must be a whole number from 1 to 100.');
  }
  return limit;
}

/** The cursor is `<createdAt>.<taskId>` of the last record on a page. */
function parseCursor(raw: string | undefined) {
  if (raw === undefined || raw === '') return undefined;
  const match = /^(\d{1,16})\.(.+)$/.exec(raw);
  const createdAt = Number(match?.[1]);
  const taskId = match?.[2];
  if (!taskId || !couldBeTaskId(taskId) || !Number.isSafeInteger(createdAt)) {
    throw new SleeveError(422, 'before must be the nextBefore of a page.');
  }
  return { createdAt, taskId };
}
