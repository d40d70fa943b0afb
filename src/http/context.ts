import type { Accounts } from '../accounts/accounts.js';
import type { Maintenance } from '../accounts/maintenance.js';
import type { SleeveConfig } from '../config/config.js';
import type { CoverService } from '../covers/cover-service.js';
import type { RenderPool } from '../engine/render-pool.js';
import type { MusicService } from '../music/music-service.js';
import type { ObjectStore } from '../objects/object-store.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { Stores } from '../storage/stores.js';
import type { Clock } from '../util/clock.js';
import type { MediaUrls } from '../util/media-urls.js';

/** What the HTTP routes may use: services, never storage internals. */
export interface HttpContext {
  config: SleeveConfig;
  clock: Clock;
  accounts: Accounts;
  maintenance: Maintenance;
  rateLimiter: RateLimiter;
  music: MusicService;
  covers: CoverService;
  stores: Pick<Stores, 'images' | 'coverTasks'>;
  objects: ObjectStore;
  urls: MediaUrls;
  /** Re-renders a stored cover's style for downloads in other sizes. */
  renderer: Pick<RenderPool, 'renderStyle'>;
}
