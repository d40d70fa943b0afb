import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Accounts } from './accounts/accounts.js';
import { Maintenance } from './accounts/maintenance.js';
import { closeBackends, openBackends, type Backends } from './backends.js';
import type { SleeveConfig } from './config/config.js';
import { CoverService } from './covers/cover-service.js';
import { DeliverCallback } from './covers/deliver-callback.js';
import { Housekeeping } from './covers/housekeeping.js';
import { RenderCoverTask } from './covers/render-cover-task.js';
import { RenderPool } from './engine/render-pool.js';
import type { HttpContext } from './http/context.js';
import { buildHttpServer } from './http/server.js';
import { createLogger, type Logger } from './logger.js';
import { MusicService } from './music/music-service.js';
import { StagedUploads } from './music/staged-uploads.js';
import { createStores, type Stores } from './storage/stores.js';
import { systemClock, type Clock } from './util/clock.js';
import { MediaUrls } from './util/media-urls.js';

export interface SleeveOptions {
  config: SleeveConfig;
  clock?: Clock;
  logger?: Logger;
  /** How often housekeeping runs, in ms. Default 30 s. */
  housekeepingMs?: number;
}

/**
 * One Sleeve process: the API, the workers, or both, over the backends the
 * configuration names. Build with `Sleeve.open`, then `listen`.
 */
export class Sleeve {
  readonly accounts: Accounts;
  readonly maintenance: Maintenance;
  readonly music: MusicService;
  readonly covers: CoverService;
  readonly urls: MediaUrls;
  readonly housekeeping: Housekeeping;
  private http: FastifyInstance | undefined;
  private readonly shutdown = new AbortController();

  private constructor(
    readonly config: SleeveConfig,
    readonly clock: Clock,
    readonly logger: Logger,
    readonly backends: Backends,
    readonly stores: Stores,
    readonly renderer: RenderPool,
    private readonly housekeepingMs: number,
  ) {
    this.urls = new MediaUrls(config.publicUrl);
    this.accounts = new Accounts(stores.apiKeys, clock);
    this.maintenance = new Maintenance(
      stores.settings,
      clock,
      config.maintenance,
    );
    this.music = new MusicService({
      musicTasks: stores.musicTasks,
      objects: backends.objects,
      renderer,
      uploads: new StagedUploads(path.join(config.dataDir, 'incoming')),
      clock,
      limits: config.limits,
    });
    this.covers = new CoverService({
      coverTasks: stores.coverTasks,
      musicTasks: stores.musicTasks,
      images: stores.images,
      queue: backends.queue,
      clock,
      urls: this.urls,
      coverCost: config.coverCost,
      allowPrivateCallbacks: config.allowPrivateCallbacks,
    });
    this.housekeeping = new Housekeeping({
      stores,
      objects: backends.objects,
      queue: backends.queue,
      clock,
      logger,
    });
  }

  static async open(options: SleeveOptions): Promise<Sleeve> {
    const { config } = options;
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? createLogger(config);
    const backends = await openBackends(config, clock, logger);
    const stores = createStores(backends.database);
    const renderer = new RenderPool(config.renderThreads);
    return new Sleeve(
      config,
      clock,
      logger,
      backends,
      stores,
      renderer,
      options.housekeepingMs ?? 30_000,
    );
  }

  /** Starts the configured services; answers the API's base URL. */
  async listen(): Promise<string> {
    let url = this.config.publicUrl;
    if (this.config.services.api) {
      await this.music.removeStaleUploads();
      this.http = await buildHttpServer(this.httpContext(), this.logger, {
        check: async () => {
          await sql`select 1`.execute(this.backends.database.kysely);
        },
      });
      await this.http.listen({
        host: this.config.host,
        port: this.config.port,
      });
      url = ownAddress(this.http);
    }
    if (!this.config.publicUrl) this.urls.setBase(url);
    if (this.config.services.worker) await this.startWorkers();
    return url;
  }

  /** Graceful: stops taking requests and jobs, finishes those in flight. */
  async close(): Promise<void> {
    await this.http?.close();
    await this.housekeeping.stop();
    // Callbacks cut short here are stored and retried on the next start.
    this.shutdown.abort();
    await this.backends.queue.stop();
    await this.renderer.close();
    await closeBackends(this.backends);
  }

  private async startWorkers(): Promise<void> {
    const { queue } = this.backends;
    const render = new RenderCoverTask({
      stores: this.stores,
      objects: this.backends.objects,
      renderer: this.renderer,
      queue,
      clock: this.clock,
      urls: this.urls,
      logger: this.logger,
      imageSize: this.config.imageSize,
      retentionMs: this.config.retentionMs,
    });
    const deliver = new DeliverCallback({
      deliveries: this.stores.deliveries,
      clock: this.clock,
      logger: this.logger,
      webhookKey: this.config.webhookKey,
      timeoutMs: this.config.callbackTimeoutMs,
      retryDelaysSec: this.config.callbackRetriesSec,
      allowPrivate: this.config.allowPrivateCallbacks,
      signal: this.shutdown.signal,
    });
    queue.work('render-cover', render.handle, {
      // Twice the threads, so a thread never idles while a job waits on
      // the database or the object store.
      concurrency: this.config.renderThreads * 2,
    });
    // Deliveries wait on receivers, not on the CPU: many run at once so a
    // slow receiver does not hold up everyone else's callbacks.
    queue.work('deliver-callback', deliver.handle, {
      concurrency: this.config.callbackConcurrency,
    });
    await queue.start();
    this.housekeeping.start(this.housekeepingMs);
  }

  private httpContext(): HttpContext {
    return {
      config: this.config,
      clock: this.clock,
      accounts: this.accounts,
      maintenance: this.maintenance,
      rateLimiter: this.backends.rateLimiter,
      music: this.music,
      covers: this.covers,
      stores: this.stores,
      objects: this.backends.objects,
      urls: this.urls,
      renderer: this.renderer,
    };
  }
}

function ownAddress(http: FastifyInstance): string {
  const address = http.server.address();
  if (!address || typeof address === 'string') return '';
  const host =
    address.address === '0.0.0.0' || address.address === '::'
      ? '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
  return `http://${host}:${address.port}`;
}
