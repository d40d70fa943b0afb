import { ApiKeyStore } from './api-key-store.js';
import { CoverTaskStore } from './cover-task-store.js';
import type { Database } from './database.js';
import { DeliveryStore } from './delivery-store.js';
import { ImageStore } from './image-store.js';
import { MusicTaskStore } from './music-task-store.js';
import { SettingsStore } from './settings-store.js';

/** Every record store over one database. */
export interface Stores {
  database: Database;
  apiKeys: ApiKeyStore;
  musicTasks: MusicTaskStore;
  coverTasks: CoverTaskStore;
  images: ImageStore;
  deliveries: DeliveryStore;
  settings: SettingsStore;
}

export function createStores(database: Database): Stores {
  return {
    database,
    apiKeys: new ApiKeyStore(database),
    musicTasks: new MusicTaskStore(database),
    coverTasks: new CoverTaskStore(database),
    images: new ImageStore(database),
    deliveries: new DeliveryStore(database),
    settings: new SettingsStore(database),
  };
}
