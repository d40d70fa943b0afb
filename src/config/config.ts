import { isIP } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting Sleeve reads, with its default. The environment is the
 * source (CLI flags are mapped onto the same names); a bad value stops the
 * start with every problem listed at once, one line per setting. Each
 * message follows the setting's name: "SLEEVE_PORT must be …".
 */

/**
 * A number setting: the text as Number reads it, refused in one line
 * that says what is expected and quotes what was given (numbers are no
 * secret, and seeing "abc" tells more than "NaN").
 */
function numberSetting(expected: string, fits: (value: number) => boolean) {
  return z.string().transform((text, ctx) => {
    const value = Number(text);
    if (text.trim() !== '' && Number.isFinite(value) && fits(value)) {
      return value;
    }
    ctx.addIssue({
      code: 'custom',
      message: `must be ${expected}, got ${JSON.stringify(text)}`,
    });
    return z.NEVER;
  });
}

/** A whole number from min, up to max if given. */
function wholeNumber(min: number, max?: number) {
  const range = max === undefined ? `from ${min} up` : `from ${min} to ${max}`;
  return numberSetting(
    `a whole number ${range}`,
    (value) =>
      Number.isSafeInteger(value) &&
      value >= min &&
      (max === undefined || value <= max),
  );
}

const numberAboveZero = () =>
  numberSetting('a number above 0', (value) => value > 0);

/** One of a few words; `shown` is the list a message gives. */
function oneOf<const T extends readonly [string, ...string[]]>(
  values: T,
  shown: readonly string[] = values,
) {
  return z.enum(values, {
    error: (issue) =>
      `must be one of ${shown.join(', ')}, got ${JSON.stringify(issue.input)}`,
  });
}

const FLAG_WORDS = ['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'];
const flag = oneOf(
  ['0', '1', 'true', 'false', 'yes', 'no', 'on', 'off', ''],
  FLAG_WORDS,
).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const rate = z
  .string()
  .regex(/^\d+\/\d+s$/, 'must be "<requests>/<seconds>s", e.g. "20/10s"')
  .transform((v) => {
    const [points, seconds] = v.slice(0, -1).split('/').map(Number);
    return { points: points ?? 0, durationSec: seconds ?? 1 };
  })
  .refine(
    (r) => r.points > 0 && r.durationSec > 0,
    'must have requests and seconds above 0, e.g. "20/10s"',
  );

const seconds = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be comma-separated seconds, e.g. "10,30,120"')
  .transform((v) => v.split(',').map(Number));

/** A Postgres schema name, kept simple so it never needs quoting. */
const pgName = z
  .string()
  .regex(
    /^[a-z_][a-z0-9_]{0,49}$/,
    'must be a lowercase SQL name (a-z, 0-9, _; at most 50)',
  );

const httpUrl = (example: string) =>
  z.url({
    protocol: /^https?$/,
    error: `must be an http(s) URL, e.g. ${example}`,
  });

/**
 * The scale-out backends (docs/deployment.md). Each one is off while its
 * main setting is empty, so the embedded default stays the default.
 */
const scaleOutEnv = {
  /** Postgres only: schema of Sleeve's tables. Default '' (search_path). */
  SLEEVE_DATABASE_SCHEMA: pgName.or(z.literal('')).default(''),
  /** Postgres only: schema pg-boss keeps its jobs in. Default sleeve_boss. */
  SLEEVE_QUEUE_SCHEMA: pgName.default('sleeve_boss'),
  /**
   * Postgres only: seconds a running job stays reserved for its worker,
   * which renews it while the job runs; the job of a killed worker runs
   * again elsewhere this long after its last renewal. Default 30.
   */
  SLEEVE_JOB_LEASE_SEC: wholeNumber(2, 3600).default(30),
  /**
   * redis:// or rediss:// URL of the rate-limit state shared by every API
   * process. Default '' (in memory, per process).
   */
  SLEEVE_REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
    .or(z.literal(''))
    .default(''),
  /** Prefix of every Redis key Sleeve writes. Default "sleeve:". */
  SLEEVE_REDIS_PREFIX: z
    .string()
    .max(64, 'must be at most 64 characters')
    .default('sleeve:'),
  /** Bucket for images and audio. Default '' (files in the data dir). */
  SLEEVE_S3_BUCKET: z
    .string()
    .max(63, 'must be at most 63 characters')
    .default(''),
  /** Endpoint of an S3-compatible service. Default '' (AWS S3). */
  SLEEVE_S3_ENDPOINT: httpUrl('https://s3.example.com')
    .or(z.literal(''))
    .default(''),
  /** Region of the bucket. Default us-east-1 (MinIO too; R2: "auto"). */
  SLEEVE_S3_REGION: z.string().default('us-east-1'),
  /** Access key id; default unset (the AWS SDK's credential chain). */
  SLEEVE_S3_ACCESS_KEY_ID: z.string().optional(),
  /** Secret access key, set together with the key id. Default unset. */
  SLEEVE_S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style URLs (endpoint/bucket/key), as MinIO needs. Default off. */
  SLEEVE_S3_FORCE_PATH_STYLE: flag.default(false),
  /** Prefix of every object key, e.g. "sleeve/". Default '' (none). */
  SLEEVE_S3_PREFIX: z
    .string()
    .max(256, 'must be at most 256 characters')
    .regex(/^[^/]/, 'must not start with "/"')
    .or(z.literal(''))
    .default(''),
};

/**
 * Credits are integer micro-credits: up to a billion credits (1e15 micro)
 * they stay exact; 1e308 would become Infinity.
 */
const MAX_CREDITS = 1_000_000_000;

const envSchema = z.object({
  SLEEVE_HOST: z
    .string()
    .refine(
      (host) => isIP(host) !== 0 || HOST_NAME.test(host),
      'must be an IP address or a host name, e.g. 127.0.0.1 or 0.0.0.0',
    )
    .default('127.0.0.1'),
  SLEEVE_PORT: wholeNumber(0, 65535).default(3000),
  SLEEVE_DATA_DIR: z.string().default('.sleeve'),
  SLEEVE_DATABASE_URL: z
    .string()
    .refine(
      (url) =>
        /^postgres(ql)?:\/\//.test(url) || !/^[a-z][a-z0-9+.-]*:/i.test(url),
      'must be a postgres:// URL or the path of a SQLite file',
    )
    .default(''),
  SLEEVE_PUBLIC_URL: httpUrl('https://covers.example.com')
    .or(z.literal(''))
    .default(''),
  SLEEVE_SERVICES: z
    .string()
    .regex(
      /^(api|worker)(,(api|worker))*$/,
      'must be "api", "worker" or "api,worker"',
    )
    .default('api,worker'),
  SLEEVE_API_KEY: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional(),
  SLEEVE_WEBHOOK_KEY: z
    .string()
    .min(8, 'must be at least 8 characters')
    .refine(
      (key) => !key.startsWith('whsec_') || isBase64(key.slice(6)),
      'starts with whsec_, so the rest must be base64 (Standard Webhooks)',
    )
    .optional(),
  SLEEVE_ALLOW_PRIVATE_CALLBACKS: flag.default(false),
  SLEEVE_RETENTION_DAYS: numberAboveZero().default(14),
  SLEEVE_COVER_COST: numberSetting(
    `0 or a number from 0.000001 to ${MAX_CREDITS} ` +
      '(credits are counted in millionths)',
    (cost) => cost === 0 || (cost >= 0.000001 && cost <= MAX_CREDITS),
  ).default(1),
  SLEEVE_INITIAL_CREDITS: numberSetting(
    `a number from 0 to ${MAX_CREDITS}`,
    (credits) => credits >= 0 && credits <= MAX_CREDITS,
  ).default(100),
  SLEEVE_RATE_GENERATE: rate.prefault('20/10s'),
  SLEEVE_RATE_POLL: rate.prefault('3/1s'),
  SLEEVE_HTTP_STATUS_MIRROR: flag.default(false),
  SLEEVE_MAINTENANCE: flag.default(false),
  SLEEVE_CALLBACK_CONCURRENCY: wholeNumber(1, 1000).default(64),
  SLEEVE_CALLBACK_TIMEOUT_MS: wholeNumber(100).default(15_000),
  SLEEVE_CALLBACK_RETRIES: seconds.prefault(
    '10,30,120,600,1800,3600,10800,21600',
  ),
  SLEEVE_RENDER_THREADS: wholeNumber(1, 64).optional(),
  SLEEVE_IMAGE_SIZE: wholeNumber(256, 3000).default(1024),
  SLEEVE_MAX_AUDIO_MB: numberAboveZero().default(50),
  SLEEVE_MAX_BODY_KB: wholeNumber(1).default(256),
  SLEEVE_REQUEST_TIMEOUT_SEC: numberAboveZero().default(120),
  SLEEVE_TITLE_LIMIT: wholeNumber(1).default(100),
  SLEEVE_TAGS_LIMIT: wholeNumber(1).default(1000),
  SLEEVE_PROMPT_LIMIT: wholeNumber(1).default(5000),
  SLEEVE_LOG_LEVEL: oneOf([
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ]).default('info'),
  SLEEVE_LOG_FORMAT: oneOf(['auto', 'json', 'pretty']).default('auto'),
  ...scaleOutEnv,
});

const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function isBase64(text: string): boolean {
  return (
    text.length > 0 &&
    /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(
      text,
    )
  );
}

export type SleeveEnv = z.infer<typeof envSchema>;

export interface RateRule {
  points: number;
  durationSec: number;
}

export interface SleeveConfig {
  host: string;
  port: number;
  dataDir: string;
  /** A `postgres://` URL, or the path of the SQLite file. */
  databaseUrl: string;
  /** Base of the absolute URLs of images and audio; '' = own address. */
  publicUrl: string;
  services: { api: boolean; worker: boolean };
  bootstrapApiKey: string | undefined;
  webhookKey: string | undefined;
  allowPrivateCallbacks: boolean;
  retentionMs: number;
  coverCost: number;
  initialCredits: number;
  rateGenerate: RateRule;
  ratePoll: RateRule;
  mirrorHttpStatus: boolean;
  maintenance: boolean;
  /** Callback deliveries in flight at once per worker process. */
  callbackConcurrency: number;
  callbackTimeoutMs: number;
  callbackRetriesSec: number[];
  renderThreads: number;
  imageSize: number;
  maxAudioBytes: number;
  maxBodyBytes: number;
  /** Time for a whole request (headers and body) to arrive, in ms. */
  requestTimeoutMs: number;
  limits: { title: number; tags: number; prompt: number };
  logLevel: SleeveEnv['SLEEVE_LOG_LEVEL'];
  logFormat: 'json' | 'pretty';
  /** Postgres only: schema of the records; '' = the server's search_path. */
  databaseSchema: string;
  queue: QueueSettings;
  /** Shared rate-limit state; undefined = in memory, per process. */
  redis: RedisSettings | undefined;
  /** Object storage in a bucket; undefined = files under dataDir. */
  s3: S3Settings | undefined;
}

export interface QueueSettings {
  /** Postgres schema of pg-boss. */
  schema: string;
  /** Seconds a running job stays reserved without its worker renewing it. */
  leaseSec: number;
}

export interface RedisSettings {
  url: string;
  keyPrefix: string;
}

export interface S3Settings {
  bucket: string;
  /** '' means AWS S3 itself. */
  endpoint: string;
  region: string;
  /** Both unset: the AWS SDK finds credentials itself (env, role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  prefix: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export type SettingName = keyof typeof envSchema.shape;

/** A setting given as a command-line flag, which problems then name. */
export interface FlagSetting {
  /** The flag, e.g. "--port". */
  flag: string;
  /** Its value; undefined (or empty) when the flag was not given. */
  value: string | undefined;
}

export type ConfigFlags = Partial<Record<SettingName, FlagSetting>>;

/**
 * Reads and validates the configuration: the environment, with the flags
 * given on top. Throws ConfigError listing every setting that is wrong,
 * once each, by the name it was given under (`--port`, `SLEEVE_PORT`).
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  flags: ConfigFlags = {},
): SleeveConfig {
  // An empty flag, like an empty variable, leaves the setting as it is.
  const given = Object.entries(flags).filter(
    (entry): entry is [string, FlagSetting] => Boolean(entry[1]?.value),
  );
  const values = { ...env };
  for (const [name, { value }] of given) values[name] = value;

  const parsed = envSchema
    .superRefine(checkScaleOut)
    .safeParse(dropEmpty(values));
  if (!parsed.success) {
    const names = new Map(given.map(([name, { flag }]) => [name, flag]));
    throw new ConfigError(describeIssues(parsed.error.issues, names));
  }
  return toConfig(parsed.data);
}

/**
 * One line per setting, its first problem: a value can break two rules
 * ("-1" is below 0 and below the smallest cost) and is one mistake.
 */
function describeIssues(
  issues: z.core.$ZodIssue[],
  flagNames: Map<string, string>,
): string[] {
  const lines = new Map<string, string>();
  for (const issue of issues) {
    const setting = issue.path.join('.');
    const name = flagNames.get(setting) ?? setting;
    if (!lines.has(setting)) lines.set(setting, `${name} ${issue.message}`);
  }
  return [...lines.values()];
}

function toConfig(e: SleeveEnv): SleeveConfig {
  const dataDir = path.resolve(e.SLEEVE_DATA_DIR);
  const services = e.SLEEVE_SERVICES.split(',');
  return {
    host: e.SLEEVE_HOST,
    port: e.SLEEVE_PORT,
    dataDir,
    databaseUrl: e.SLEEVE_DATABASE_URL || path.join(dataDir, 'sleeve.db'),
    publicUrl: e.SLEEVE_PUBLIC_URL.replace(/\/+$/, ''),
    services: {
      api: services.includes('api'),
      worker: services.includes('worker'),
    },
    bootstrapApiKey: e.SLEEVE_API_KEY,
    webhookKey: e.SLEEVE_WEBHOOK_KEY,
    allowPrivateCallbacks: e.SLEEVE_ALLOW_PRIVATE_CALLBACKS,
    retentionMs: e.SLEEVE_RETENTION_DAYS * 24 * 3600 * 1000,
    coverCost: e.SLEEVE_COVER_COST,
    initialCredits: e.SLEEVE_INITIAL_CREDITS,
    rateGenerate: e.SLEEVE_RATE_GENERATE,
    ratePoll: e.SLEEVE_RATE_POLL,
    mirrorHttpStatus: e.SLEEVE_HTTP_STATUS_MIRROR,
    maintenance: e.SLEEVE_MAINTENANCE,
    callbackConcurrency: e.SLEEVE_CALLBACK_CONCURRENCY,
    callbackTimeoutMs: e.SLEEVE_CALLBACK_TIMEOUT_MS,
    callbackRetriesSec: e.SLEEVE_CALLBACK_RETRIES,
    renderThreads: e.SLEEVE_RENDER_THREADS ?? os.availableParallelism(),
    imageSize: e.SLEEVE_IMAGE_SIZE,
    maxAudioBytes: Math.round(e.SLEEVE_MAX_AUDIO_MB * 1024 * 1024),
    maxBodyBytes: e.SLEEVE_MAX_BODY_KB * 1024,
    requestTimeoutMs: Math.round(e.SLEEVE_REQUEST_TIMEOUT_SEC * 1000),
    limits: {
      title: e.SLEEVE_TITLE_LIMIT,
      tags: e.SLEEVE_TAGS_LIMIT,
      prompt: e.SLEEVE_PROMPT_LIMIT,
    },
    logLevel: e.SLEEVE_LOG_LEVEL,
    logFormat: resolveLogFormat(e.SLEEVE_LOG_FORMAT),
    ...toScaleOutConfig(e),
  };
}

function toScaleOutConfig(e: SleeveEnv) {
  return {
    databaseSchema: e.SLEEVE_DATABASE_SCHEMA,
    queue: {
      schema: e.SLEEVE_QUEUE_SCHEMA,
      leaseSec: e.SLEEVE_JOB_LEASE_SEC,
    },
    redis: e.SLEEVE_REDIS_URL
      ? { url: e.SLEEVE_REDIS_URL, keyPrefix: e.SLEEVE_REDIS_PREFIX }
      : undefined,
    s3: e.SLEEVE_S3_BUCKET ? toS3Settings(e) : undefined,
  };
}

function toS3Settings(e: SleeveEnv): S3Settings {
  const id = e.SLEEVE_S3_ACCESS_KEY_ID;
  const secret = e.SLEEVE_S3_SECRET_ACCESS_KEY;
  return {
    bucket: e.SLEEVE_S3_BUCKET,
    endpoint: e.SLEEVE_S3_ENDPOINT.replace(/\/+$/, ''),
    region: e.SLEEVE_S3_REGION,
    credentials:
      id && secret ? { accessKeyId: id, secretAccessKey: secret } : undefined,
    forcePathStyle: e.SLEEVE_S3_FORCE_PATH_STYLE,
    prefix: e.SLEEVE_S3_PREFIX,
  };
}

/**
 * Settings that are only wrong together. A worker in its own process
 * cannot learn the API's address, so image URLs need the public one.
 */
function checkScaleOut(e: SleeveEnv, ctx: z.RefinementCtx): void {
  const services = e.SLEEVE_SERVICES.split(',');
  const split = !(services.includes('api') && services.includes('worker'));
  if (split && !e.SLEEVE_PUBLIC_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLEEVE_PUBLIC_URL'],
      message:
        'is required when SLEEVE_SERVICES is only "api" or only "worker": ' +
        'workers write image URLs, and only this tells them where the API ' +
        'is reached (e.g. https://covers.example.com)',
    });
  }
  if (!e.SLEEVE_S3_ACCESS_KEY_ID !== !e.SLEEVE_S3_SECRET_ACCESS_KEY) {
    ctx.addIssue({
      code: 'custom',
      path: ['SLEEVE_S3_SECRET_ACCESS_KEY'],
      message: 'must be set together with SLEEVE_S3_ACCESS_KEY_ID, or neither',
    });
  }
}

function resolveLogFormat(format: SleeveEnv['SLEEVE_LOG_FORMAT']) {
  if (format !== 'auto') return format;
  return process.stdout.isTTY ? 'pretty' : 'json';
}

/** An empty variable means "use the default", as in most shells' .env use. */
function dropEmpty(env: Record<string, string | undefined>) {
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) => name.startsWith('SLEEVE_') && value !== '',
    ),
  );
}
