import {
  CoverFailedError,
  CoverTimeoutError,
  SleeveApiError,
  SleeveNetworkError,
} from './errors.js';
import type {
  CoverDetails,
  Envelope,
  MusicDetails,
  SleeveMusic,
  SleeveMusicPage,
} from './types.js';

export interface SleeveClientOptions {
  /**
   * The server: the bare host (`https://api.example.com`) or host plus
   * `/api/v1`; both work and the path is never doubled.
   */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey: string;
  /**
   * Which credit endpoint to call: `chat` (kie, Apikley and Sleeve) or
   * `generate` (sunoapi.org). Default `chat`.
   */
  creditEndpoint?: 'chat' | 'generate';
  /** Time for one HTTP request, in ms. Default 30000. */
  requestTimeoutMs?: number;
  /** A fetch implementation. Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface CreateCoverOptions {
  /** The parent music task id. */
  taskId: string;
  /** Where the result is POSTed; optional on Sleeve, required upstream. */
  callBackUrl?: string;
  /** Sleeve only: an alternative pair of covers (default 0). */
  variation?: number;
}

export interface WaitOptions {
  /** Time between polls, in ms. Default 30000, as the providers advise. */
  pollIntervalMs?: number;
  /** Give up after this long, in ms. Default 600000 (10 minutes). */
  timeoutMs?: number;
  /** Wait before a retry while the service is in maintenance. Default 60000. */
  maintenanceBackoffMs?: number;
  signal?: AbortSignal;
  /** Called with every state seen while waiting. */
  onProgress?: (details: CoverDetails | null) => void;
}

export interface NewMusicOptions {
  title: string;
  tags?: string;
  /** Lyrics. */
  prompt?: string;
  artist?: string;
  /** An audio file: mp3, ogg, wav, flac or m4a. */
  audio?: Blob | Uint8Array;
  /** File name sent with the audio. Default "audio". */
  audioName?: string;
}

/** A finished cover: successFlag 1 and two image URLs. */
export type FinishedCover = CoverDetails & { successFlag: 1 };

/**
 * A typed client for the cover API of Sleeve and of the hosted Suno API
 * providers. Runs wherever `fetch` does: Node 18+, browsers, workers.
 */
export class SleeveClient {
  private readonly base: string;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: SleeveClientOptions) {
    this.base = normaliseBaseUrl(options.baseUrl);
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Starts a cover task; answers its id. A duplicate rejects with code 400. */
  createCover(options: CreateCoverOptions): Promise<{ taskId: string }> {
    return this.request('POST', '/api/v1/suno/cover/generate', {
      json: options,
    });
  }

  /** The cover task, or null if unknown (or another key's). */
  getCoverDetails(taskId: string): Promise<CoverDetails | null> {
    return this.request('GET', '/api/v1/suno/cover/record-info', {
      query: { taskId },
    });
  }

  /**
   * Polls until the cover task ends. Resolves with the finished task;
   * rejects with CoverFailedError, CoverTimeoutError, SleeveApiError, or the
   * signal's reason. Honours Retry-After on 429 and backs off on 455.
   */
  async waitForCover(taskId: string, options: WaitOptions = {}) {
    const interval = options.pollIntervalMs ?? 30_000;
    const deadline = Date.now() + (options.timeoutMs ?? 600_000);
    for (;;) {
      const pause = await this.pollOnce(taskId, options, interval);
      if (typeof pause !== 'number') return pause;
      if (Date.now() + pause > deadline) throw new CoverTimeoutError(taskId);
      await sleep(pause, options.signal);
    }
  }

  /** Remaining credits of the key. */
  getCredits(): Promise<number> {
    const which = this.options.creditEndpoint ?? 'chat';
    return this.request('GET', `/api/v1/${which}/credit`, {});
  }

  /** Sleeve: imports a record saved from a provider's music record-info. */
  importMusic(record: unknown): Promise<{ taskId: string }> {
    return this.request('POST', '/api/v1/sleeve/music/import', {
      json: record,
    });
  }

  /** Sleeve: creates a music record, with an audio file if given. */
  createMusic(music: NewMusicOptions): Promise<{ taskId: string }> {
    if (!music.audio) {
      const { audio: _none, audioName: _name, ...json } = music;
      return this.request('POST', '/api/v1/sleeve/music', { json });
    }
    const form = new FormData();
    for (const name of ['title', 'tags', 'prompt', 'artist'] as const) {
      const value = music[name];
      if (value !== undefined) form.append(name, value);
    }
    const blob =
      music.audio instanceof Uint8Array
        ? new Blob([music.audio as Uint8Array<ArrayBuffer>])
        : music.audio;
    form.append('audio', blob, music.audioName ?? 'audio');
    return this.request('POST', '/api/v1/sleeve/music', { form });
  }

  /** The music record in the providers' shape, or null. */
  getMusicDetails(taskId: string): Promise<MusicDetails | null> {
    return this.request('GET', '/api/v1/generate/record-info', {
      query: { taskId },
    });
  }

  /** Sleeve: your music records with their newest covers, newest first. */
  listMusic(page: { limit?: number; before?: string } = {}) {
    const query: Record<string, string> = {};
    if (page.limit !== undefined) query['limit'] = String(page.limit);
    if (page.before !== undefined) query['before'] = page.before;
    return this.request<SleeveMusicPage>('GET', '/api/v1/sleeve/music', {
      query,
    });
  }

  /** Sleeve: one music record with its features and newest cover. */
  getMusic(taskId: string): Promise<SleeveMusic | null> {
    return this.request(
      'GET',
      `/api/v1/sleeve/music/${encodeURIComponent(taskId)}`,
      {},
    );
  }

  /** One poll: the finished cover, or how long to wait before the next. */
  private async pollOnce(
    taskId: string,
    options: WaitOptions,
    interval: number,
  ): Promise<FinishedCover | number> {
    options.signal?.throwIfAborted();
    let details: CoverDetails | null;
    try {
      details = await this.getCoverDetails(taskId);
    } catch (error) {
      if (!(error instanceof SleeveApiError)) throw error;
      if (error.isRateLimited) return 1000 * (error.retryAfterSec ?? 1);
      if (error.isMaintenance) return options.maintenanceBackoffMs ?? 60_000;
      throw error;
    }
    options.onProgress?.(details);
    if (details?.successFlag === 1) return details as FinishedCover;
    if (details?.successFlag === 3) {
      throw new CoverFailedError(
        taskId,
        details.errorMessage || 'cover failed',
      );
    }
    return interval;
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body: { json?: unknown; form?: FormData; query?: Record<string, string> },
  ): Promise<T> {
    const url = new URL(this.base + path);
    for (const [k, v] of Object.entries(body.query ?? {})) {
      url.searchParams.set(k, v);
    }
    const headers: Record<string, string> = {
      Authorization: `Bearer ${this.options.apiKey}`,
      Accept: 'application/json',
    };
    if (body.json !== undefined) headers['Content-Type'] = 'application/json';
    const response = await this.send(url, {
      method,
      headers,
      body:
        body.form ??
        (body.json === undefined ? undefined : JSON.stringify(body.json)),
    });
    return unwrap<T>(response);
  }

  private async send(url: URL, init: RequestInit): Promise<Response> {
    const timeout = AbortSignal.timeout(
      this.options.requestTimeoutMs ?? 30_000,
    );
    try {
      return await this.fetch(url, { ...init, signal: timeout });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SleeveNetworkError(
        `${init.method} ${url.pathname} failed: ${reason}`,
      );
    }
  }
}

async function unwrap<T>(response: Response): Promise<T> {
  let envelope: Envelope<T>;
  try {
    envelope = (await response.json()) as Envelope<T>;
  } catch {
    throw new SleeveNetworkError(
      `HTTP ${response.status}: the answer was not JSON`,
    );
  }
  if (envelope.code === 200) return envelope.data;
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new SleeveApiError(
    envelope.code,
    envelope.msg,
    response.status,
    envelope.data,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** `https://host`, `https://host/`, `https://host/api/v1/` → `https://host`. */
export function normaliseBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', abort);
      resolve();
    }
    function abort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', abort, { once: true });
  });
}
