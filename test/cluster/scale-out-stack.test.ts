import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import {
  startReceiver,
  type CallbackReceiver,
} from '../support/callback-receiver.js';
import { startSleeve, type TestSleeve } from '../support/sleeve-server.js';
import { decodeImage } from '../support/tracks.js';
import {
  startS3Server,
  type TestS3Server,
} from '../conformance/support/s3-server.js';
import {
  createTestSchema,
  randomSuffix,
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  type TestSchema,
} from '../conformance/support/services.js';

/**
 * The whole service on the scale-out backends in one process: Postgres
 * records, pg-boss, Redis rate limits and S3 images, seen as a client.
 */
let s3: TestS3Server;
let schema: TestSchema;
let bossSchema: TestSchema;
let server: TestSleeve;
let receiver: CallbackReceiver;
const redisPrefix = `sleeve-test-${randomSuffix()}:`;

before(async () => {
  s3 = await startS3Server(['stack']);
  schema = await createTestSchema('stack');
  bossSchema = await createTestSchema('stackboss');
  receiver = await startReceiver();
  const bucket = s3.bucket('stack', 'images/');
  server = await startSleeve({
    SLEEVE_DATABASE_URL: TEST_DATABASE_URL,
    SLEEVE_DATABASE_SCHEMA: schema.name,
    SLEEVE_QUEUE_SCHEMA: bossSchema.name,
    SLEEVE_REDIS_URL: TEST_REDIS_URL,
    SLEEVE_REDIS_PREFIX: redisPrefix,
    SLEEVE_S3_BUCKET: bucket.bucket,
    SLEEVE_S3_ENDPOINT: s3.endpoint,
    SLEEVE_S3_ACCESS_KEY_ID: 'S3RVER',
    SLEEVE_S3_SECRET_ACCESS_KEY: 'S3RVER',
    SLEEVE_S3_FORCE_PATH_STYLE: '1',
    SLEEVE_S3_PREFIX: 'images/',
    SLEEVE_IMAGE_SIZE: '256',
    SLEEVE_RATE_POLL: '4/60s',
  });
});
after(async () => {
  await server?.close();
  await receiver?.close();
  await s3?.close();
  await schema?.drop();
  await bossSchema?.drop();
  await clearRedis();
});

test('the parts are the scale-out ones', () => {
  assert.deepEqual(server.sleeve.backends.kinds, {
    database: 'postgres',
    queue: 'pg-boss',
    rateLimiter: 'redis',
    objects: 's3',
  });
});

test('a cover is made, called back and served from the bucket', async () => {
  const music = await server.api('POST', '/api/v1/sleeve/music', {
    title: 'Harbour Lights',
    tags: 'ambient, piano',
    artist: 'The Testers',
  });
  assert.equal(music.body.code, 200);
  const created = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId: music.body.data.taskId,
    callBackUrl: receiver.url,
  });
  assert.equal(created.body.code, 200);
  const taskId: string = created.body.data.taskId;
  assert.match(taskId, /^[0-9a-f]{32}$/);

  const [callback] = await receiver.waitFor(1, 60_000);
  assert.equal(callback?.json.code, 200);
  assert.equal(callback?.json.data.taskId, taskId);
  const images: string[] = callback?.json.data.images;
  assert.equal(images.length, 2);

  const info = await server.api(
    'GET',
    `/api/v1/suno/cover/record-info?taskId=${taskId}`,
  );
  assert.equal(info.body.data.successFlag, 1);
  assert.deepEqual(info.body.data.response.images, images);
  for (const url of images) {
    assert.ok(url.startsWith(`${server.url}/media/images/`));
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const image = await decodeImage(Buffer.from(await response.arrayBuffer()));
    assert.deepEqual([image.width, image.height], [256, 256]);
  }
  const duplicate = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId: music.body.data.taskId,
  });
  assert.equal(duplicate.body.code, 400);
  assert.equal(duplicate.body.data.taskId, taskId);
});

test('poll limits are counted in Redis and answer Retry-After', async () => {
  const music = await server.api('POST', '/api/v1/sleeve/music', {
    title: 'Counted',
  });
  const created = await server.api('POST', '/api/v1/suno/cover/generate', {
    taskId: music.body.data.taskId,
  });
  const route = `/api/v1/suno/cover/record-info?taskId=${created.body.data.taskId}`;
  const codes = [];
  for (let i = 0; i < 6; i += 1) {
    const answer = await server.api('GET', route);
    codes.push(answer.body.code);
    if (answer.body.code === 429) {
      const retryAfter = Number(answer.headers.get('retry-after'));
      assert.ok(retryAfter >= 59 && retryAfter <= 60, `${retryAfter}`);
    }
  }
  assert.deepEqual(codes, [200, 200, 200, 200, 429, 429]);
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}*`);
  await redis.quit();
  assert.ok(keys.some((key) => key.includes(created.body.data.taskId)));
});

async function clearRedis() {
  const redis = new Redis(TEST_REDIS_URL);
  const keys = await redis.keys(`${redisPrefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}
