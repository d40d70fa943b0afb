import type { RenderPool } from '../engine/render-pool.js';
import type { CoverInput } from '../engine/types.js';
import type { Logger } from '../logger.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { Job, JobQueue } from '../queue/job-queue.js';
import type {
  CoverTask,
  Delivery,
  MusicTask,
  StoredImage,
} from '../storage/records.js';
import { storageFailure } from '../storage/storage-failure.js';
import type { Stores } from '../storage/stores.js';
import type { Clock } from '../util/clock.js';
import { newObjectName } from '../util/ids.js';
import type { MediaUrls } from '../util/media-urls.js';
import { coverCallbackBody } from './cover-details.js';

export interface RenderCoverDeps {
  stores: Stores;
  objects: ObjectStore;
  renderer: RenderPool;
  queue: JobQueue;
  clock: Clock;
  urls: MediaUrls;
  logger: Logger;
  imageSize: number;
  retentionMs: number;
}

/**
 * A task whose render was started this often without finishing (its
 * worker died each time) is failed rather than tried forever.
 */
const MAX_STARTS = 3;

export const deliveryJobKey = (deliveryId: string) => `deliver:${deliveryId}`;

/** The `render-cover` job: both images of one cover task. */
export class RenderCoverTask {
  constructor(private readonly deps: RenderCoverDeps) {}

  readonly handle = async (job: Job): Promise<void> => {
    const taskId = String(job.payload['taskId']);
    const task = await this.deps.stores.coverTasks.get(taskId);
    if (!task || task.status === 'success' || task.status === 'failed') return;

    if (task.attempts >= MAX_STARTS) {
      await this.fail(task, 'The cover could not be rendered; try again.');
      return;
    }
    const started = await this.deps.stores.coverTasks.start(
      taskId,
      this.deps.clock.now(),
    );
    if (started) await this.render(started);
  };

  private async render(task: CoverTask): Promise<void> {
    const log = this.deps.logger.child({ taskId: task.taskId });
    const began = this.deps.clock.now();
    let images: StoredImage[];
    try {
      images = await this.makeImages(task);
    } catch (error) {
      const storage = storageFailure(error);
      if (storage) {
        log.error(
          { code: storage.code, syscall: storage.syscall },
          storage.log,
        );
      } else {
        log.error({ err: error }, 'cover rendering failed');
      }
      await this.fail(
        task,
        storage?.message ?? 'Cover image generation failed; try again.',
      );
      return;
    }

    const urls = images.map((image) => this.deps.urls.image(image.name));
    const delivery = this.deliveryFor(
      task,
      coverCallbackBody(task, { images: urls }),
    );
    const now = this.deps.clock.now();
    const ended = await this.deps.stores.coverTasks.succeed(
      task.taskId,
      images,
      delivery,
      now,
    );
    if (!ended) return;
    log.info(
      { durationMs: now - task.createdAt, renderMs: now - began },
      'cover task succeeded',
    );
    await this.queueDelivery(delivery);
  }

  private async makeImages(task: CoverTask): Promise<StoredImage[]> {
    const music = await this.loadMusic(task);
    const input = await this.coverInputOf(music);
    const covers = await this.deps.renderer.renderPair(input, {
      size: this.deps.imageSize,
      format: 'png',
      variation: task.variation,
    });
    const now = this.deps.clock.now();
    return Promise.all(
      covers.map(async (cover, position) => {
        const name = newObjectName('png');
        await this.deps.objects.put(name, cover.bytes, 'image/png');
        return {
          name,
          taskId: task.taskId,
          position,
          style: cover.style,
          contentType: 'image/png',
          byteSize: cover.bytes.length,
          createdAt: now,
          expiresAt: now + this.deps.retentionMs,
          deleted: false,
        };
      }),
    );
  }

  private async loadMusic(task: CoverTask): Promise<MusicTask> {
    const music = await this.deps.stores.musicTasks.get(
      task.keyId,
      task.parentTaskId,
    );
    if (!music) throw new Error(`music task ${task.parentTaskId} is gone`);
    return music;
  }

  /** Audio features are measured once per music task and kept. */
  private async coverInputOf(music: MusicTask): Promise<CoverInput> {
    let audio = music.features;
    if (!audio && music.audioObject) {
      const bytes = await this.deps.objects.get(music.audioObject);
      if (bytes) {
        audio = await this.deps.renderer.analyze(bytes);
        await this.deps.stores.musicTasks.setFeatures(
          music.keyId,
          music.taskId,
          audio,
        );
      }
    }
    return coverInputOf(music, audio);
  }

  private async fail(task: CoverTask, reason: string): Promise<void> {
    const delivery = this.deliveryFor(
      task,
      coverCallbackBody(task, { reason }),
    );
    const now = this.deps.clock.now();
    const ended = await this.deps.stores.coverTasks.fail(
      task.taskId,
      reason,
      delivery,
      now,
    );
    if (!ended) return;
    this.deps.logger.warn(
      { taskId: task.taskId, durationMs: now - task.createdAt, reason },
      'cover task failed',
    );
    await this.queueDelivery(delivery);
  }

  private deliveryFor(task: CoverTask, body: string): Delivery | null {
    if (!task.callbackUrl) return null;
    const now = this.deps.clock.now();
    return {
      id: `dlv_${task.taskId}`,
      taskId: task.taskId,
      url: task.callbackUrl,
      body,
      status: 'pending',
      attempts: 0,
      lastStatus: null,
      lastError: null,
      nextAttemptAt: now,
      createdAt: now,
      deliveredAt: null,
    };
  }

  private async queueDelivery(delivery: Delivery | null): Promise<void> {
    if (!delivery) return;
    await this.deps.queue.send(
      'deliver-callback',
      { deliveryId: delivery.id },
      { singletonKey: deliveryJobKey(delivery.id) },
    );
  }
}

/** What the art engine reads of a music task: its first track. */
export function coverInputOf(
  music: MusicTask,
  audio: MusicTask['features'],
): CoverInput {
  const track = music.tracks?.[0];
  return {
    title: track?.title ?? '',
    artist: music.artist,
    tags: track?.tags ?? '',
    lyrics: track?.prompt ?? '',
    audio,
  };
}
