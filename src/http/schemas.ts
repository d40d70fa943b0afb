import { Type, type Static, type TSchema } from 'typebox';

/**
 * Route schemas: the server validates requests and serialises answers with
 * them, and the OpenAPI document is generated from them. Request schemas
 * check types only; what a value means is checked by the domain, which
 * answers in plain words.
 */
const Nullable = <T extends TSchema>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/**
 * A value or null, written as OpenAPI 3.0's `nullable` rather than an
 * anyOf: the serialiser then writes it without trying each branch.
 */
export const OrNull = <T extends TSchema>(schema: T) =>
  Type.Unsafe<Static<T> | null>({ ...schema, nullable: true });

export const envelope = <T extends TSchema>(data: T) =>
  Type.Object({
    code: Type.Integer({ description: 'Status code; 200 on success.' }),
    msg: Type.String({ description: '"success", or what went wrong.' }),
    data,
  });

export const TaskIdData = Type.Object({
  taskId: Type.String({ description: 'Task id: 32 lowercase hex characters.' }),
});

export const GenerateCoverBody = Type.Object({
  taskId: Type.String({ description: 'The parent music task id.' }),
  callBackUrl: Type.Optional(
    Nullable(Type.String({ description: 'Absolute http(s) URL.' })),
  ),
  variation: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'Sleeve extension: 0 (default) or another pair.',
    }),
  ),
});

export const TaskIdQuery = Type.Object({
  taskId: Type.String({ description: 'Task id to look up.' }),
});

export const CoverRecordInfo = Type.Object({
  taskId: Type.String(),
  parentTaskId: Type.String(),
  callbackUrl: OrNull(Type.String()),
  completeTime: OrNull(Type.String({ format: 'date-time' })),
  response: Type.Object({ images: Type.Array(Type.String()) }),
  successFlag: Type.Integer({
    enum: [0, 1, 2, 3],
    description: '0 pending, 1 success, 2 generating, 3 failed',
  }),
  createTime: Type.String({ format: 'date-time' }),
  errorCode: OrNull(Type.Integer({ enum: [200, 500] })),
  errorMessage: OrNull(Type.String()),
});

export const SunoTrack = Type.Object({
  id: Type.String(),
  audioUrl: Type.String(),
  streamAudioUrl: Type.String(),
  imageUrl: Type.String(),
  prompt: Type.String(),
  modelName: Type.String(),
  title: Type.String(),
  tags: Type.String(),
  createTime: Type.Union([Type.String(), Type.Number()]),
  duration: OrNull(Type.Number()),
});

export const MusicRecordInfo = Type.Object({
  taskId: Type.String(),
  parentMusicId: Type.String(),
  param: Type.String({ description: 'The original request, as JSON text.' }),
  response: OrNull(
    Type.Object({ taskId: Type.String(), sunoData: Type.Array(SunoTrack) }),
  ),
  status: Type.String(),
  type: Type.String(),
  operationType: Type.String(),
  errorCode: OrNull(Type.Integer()),
  errorMessage: OrNull(Type.String()),
});

export const CreateMusicBody = Type.Object({
  title: Type.String(),
  tags: Type.Optional(Type.String({ description: 'Style tags.' })),
  prompt: Type.Optional(Type.String({ description: 'Lyrics.' })),
  artist: Type.Optional(Type.String()),
});

export const Credits = Type.Number({
  description: 'Remaining credits of the calling key.',
});

export const ErrorEnvelope = envelope(Type.Any());
