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
    code: Type.Integer({
      format: 'int32',
      description:
        'Status code: 200 success, 400 duplicate or bad JSON, 401 key, 402 ' +
        'credits, 422 validation, 429 rate limit, 455 maintenance, 500 ' +
        'server error, all sent with HTTP 200. Transport-level answers ' +
        'use the real HTTP status: 404 unknown endpoint or missing file, ' +
        '410 expired image, 408 request too slow, 413 body too large, ' +
        '416 range outside the file, 431 headers too large, 503 shutting ' +
        'down (code 455) or unhealthy.',
    }),
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
  taskId: Type.String({ description: 'The cover task id.' }),
  parentTaskId: Type.String({
    description: 'The music task id the cover was asked for.',
  }),
  callbackUrl: OrNull(
    Type.String({ description: 'The callBackUrl given, or null.' }),
  ),
  completeTime: OrNull(
    Type.String({
      format: 'date-time',
      description: 'When the task ended; null until then.',
    }),
  ),
  response: Type.Object(
    {
      images: Type.Array(Type.String(), {
        description: 'Two PNG URLs once done; empty before and on failure.',
      }),
    },
    { description: 'The result.' },
  ),
  successFlag: Type.Integer({
    enum: [0, 1, 2, 3],
    description: '0 pending, 1 success, 2 generating, 3 failed',
  }),
  createTime: Type.String({
    format: 'date-time',
    description: 'When the task was created.',
  }),
  errorCode: OrNull(
    Type.Integer({
      format: 'int32',
      enum: [200, 500],
      description: 'null while unfinished, 200 on success, 500 on failure.',
    }),
  ),
  errorMessage: OrNull(
    Type.String({
      description: 'null while unfinished, "" on success, else the reason.',
    }),
  ),
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

/**
 * What Sleeve measured in a track's audio. Fields the analysis adds later
 * are passed through rather than dropped by the serialiser.
 */
export const AudioFeatures = Type.Object(
  {
    durationSec: Type.Number({ description: 'Length of the whole track.' }),
    analysedSec: Type.Number({ description: 'Length of the excerpt read.' }),
    bpm: Type.Number({ description: 'Tempo in beats per minute.' }),
    bpmConfidence: Type.Number({ description: '0 (guess) to 1.' }),
    key: Type.String({ description: 'Tonic pitch class, e.g. "F#".' }),
    mode: Type.Union([Type.Literal('major'), Type.Literal('minor')]),
    keyConfidence: Type.Number({ description: '0 to 1.' }),
    loudnessDb: Type.Number({ description: 'Loudness in dBFS (≤ 0).' }),
    energy: Type.Number({ description: '0 (near silence) to 1 (dense).' }),
    energyContour: Type.Array(Type.Number(), {
      description: 'Energy over time, each 0-1.',
    }),
    spectralCentroidHz: Type.Number(),
    brightness: Type.Number({ description: '0 (dark) to 1 (bright).' }),
    dynamicsDb: Type.Number({ description: 'Loud minus quiet frames, dB.' }),
    waveform: Type.Array(Type.Number(), { description: 'Peaks, each 0-1.' }),
    spectrum: Type.Array(Type.Number(), { description: 'Bands, each 0-1.' }),
  },
  { additionalProperties: true },
);

export const MusicView = Type.Object({
  taskId: Type.String({ description: 'The music task id.' }),
  title: Type.String(),
  artist: Type.String(),
  tags: Type.String({ description: 'Style tags of the first track.' }),
  source: Type.Union([Type.Literal('import'), Type.Literal('sleeve')], {
    description: 'Imported from a provider, or created on Sleeve.',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  hasAudio: Type.Boolean(),
  features: OrNull(AudioFeatures),
  record: MusicRecordInfo,
  cover: OrNull(
    Type.Object(
      {
        ...CoverRecordInfo.properties,
        styles: Type.Array(Type.String(), {
          description: 'The style of each image, once done.',
        }),
      },
      { description: 'The newest cover task, as record-info plus styles.' },
    ),
  ),
});

export const MusicPage = Type.Object({
  items: Type.Array(MusicView),
  nextBefore: OrNull(
    Type.String({ description: 'Pass as before for the next page.' }),
  ),
});

export const ApiKeyView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the key.' }),
  admin: Type.Boolean(),
  credits: Type.Number(),
  createdAt: Type.String({ format: 'date-time' }),
  revoked: Type.Boolean(),
});

export const CreatedApiKey = Type.Object({
  ...ApiKeyView.properties,
  key: Type.String({ description: 'The secret; shown this once only.' }),
});

export const KeyCredits = Type.Object({
  id: Type.String(),
  credits: Type.Number({ description: 'The balance after the change.' }),
});

export const MaintenanceState = Type.Object({ enabled: Type.Boolean() });

export const HealthState = Type.Object({
  ok: Type.Boolean(),
  maintenance: Type.Optional(Type.Boolean()),
});

/** A file answer, for the OpenAPI document (binary, not JSON). */
export const fileResponse = (description: string, types: string[]) => ({
  description,
  content: Object.fromEntries(
    types.map((type) => [
      type,
      { schema: { type: 'string', format: 'binary' } },
    ]),
  ),
});

export const ErrorEnvelope = envelope(Type.Any());
