/**
 * Table shapes as Kysely sees them. Times are Unix milliseconds; credits are
 * integer micro-credits (1 credit = 1,000,000) so fractions never drift.
 */
export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  is_admin: number;
  credits_micro: number;
  created_at: number;
  revoked_at: number | null;
}

export interface MusicTasksTable {
  key_id: string;
  task_id: string;
  /** 'import' (saved from a provider) or 'sleeve' (created here). */
  source: string;
  status: string;
  /** The original request as a JSON string, as the providers send it. */
  param: string;
  /** JSON array of the providers' Track objects. */
  tracks: string;
  artist: string;
  error_code: number | null;
  error_message: string | null;
  /** Object name of uploaded audio, if any. */
  audio_object: string | null;
  /** JSON of measured AudioFeatures, once analysed. */
  features: string | null;
  created_at: number;
}

export interface CoverTasksTable {
  task_id: string;
  key_id: string;
  parent_task_id: string;
  callback_url: string | null;
  /** 'pending' | 'generating' | 'success' | 'failed' */
  status: string;
  error_message: string | null;
  variation: number;
  charged_micro: number;
  refunded: number;
  created_at: number;
  started_at: number | null;
  completed_at: number | null;
  attempts: number;
  /** Set when a cover past its retention was replaced by a new one. */
  replaced_at: number | null;
}

export interface ImagesTable {
  name: string;
  task_id: string;
  position: number;
  style: string;
  content_type: string;
  byte_size: number;
  created_at: number;
  expires_at: number;
  deleted: number;
}

export interface DeliveriesTable {
  id: string;
  task_id: string;
  url: string;
  body: string;
  /** 'pending' | 'delivered' | 'failed' */
  status: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: number;
  created_at: number;
  delivered_at: number | null;
}

export interface SettingsTable {
  name: string;
  value: string;
}

export interface JobsTable {
  id: string;
  queue: string;
  payload: string;
  singleton_key: string | null;
  /** 'queued' | 'active' | 'failed' */
  state: string;
  run_at: number;
  attempts: number;
  max_attempts: number;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
}

export interface SleeveTables {
  api_keys: ApiKeysTable;
  music_tasks: MusicTasksTable;
  cover_tasks: CoverTasksTable;
  images: ImagesTable;
  deliveries: DeliveriesTable;
  settings: SettingsTable;
  jobs: JobsTable;
}
