import {
  CoverFailedError,
  CoverTimeoutError,
  SleeveApiError,
  SleeveNetworkError,
} from './errors.js';
import { checkClientOptions } from './check-options.js';
import { describeConnectionFailure } from './connection-failure.js';
import { withoutCredentials } from './url-credentials.js';
import type {
  CoverDetails,
  Envelope,
  MusicDetails,
  SleeveMusic,
  SleeveMusicPage,
} from './types.js';

export interface SleeveClientOptions {
  /**
   * The server, an http(s) URL: the bare host (`https://api.example.com`)
   * or host plus `/api/v1`; both work and the path is never doubled. No
   * user name or password (the apiKey is the credential), query or
   * fragment.
   */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`: one word of visible ASCII. */
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

export interface RequestOptions {
  /** Aborts the request; it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface WaitOptions extends RequestOptions {
  /** Time between polls, in ms. Default 30000, as the providers advise. */
  pollIntervalMs?: number;
  /**
   * Give up after this long, in ms, with CoverTimeoutError; a poll in
   * flight is cut short. Default 600000 (10 minutes).
   */
  timeoutMs?: number;
  /**
   * Wait before the next poll after code 455 (maintenance) when the answer
   * has no Retry-After, in ms. Default 60000.
   */
  maintenanceBackoffMs?: number;
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

  /** Throws a TypeError naming the first option that is missing or wrong. */
  constructor(private readonly options: SleeveClientOptions) {
    checkClientOptions(options);
    this.base = normaliseBaseUrl(options.baseUrl);
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Starts a cover task; answers its id. A duplicate rejects with code 400. */
  createCover(
    options: CreateCoverOptions,
    request: RequestOptions = {},
  ): Promise<{ taskId: string }> {
    return this.request('POST', '/api/v1/suno/cover/generate', {
      ...request,
      json: options,
    });
  }

  /** The cover task, or null if unknown (or another key's). */
  getCoverDetails(
    taskId: string,
    request: RequestOptions = {},
  ): Promise<CoverDetails | null> {
    return this.request('GET', '/api/v1/suno/cover/record-info', {
      ...request,
      query: { taskId },
    });
  }

  /**
   * Polls until the cover task ends. Resolves with the finished task, its
   * image URLs in `response.images`; rejects with CoverFailedError (code
   * 500), CoverTimeoutError, SleeveApiError (with the envelope's code), or
   * the signal's reason. Honours Retry-After on 429 and backs off on 455.
   */
  async waitForCover(
    taskId: string,
    options: WaitOptions = {},
  ): Promise<FinishedCover> {
    const interval = options.pollIntervalMs ?? 30_000;
    const timeoutMs = options.timeoutMs ?? 600_000;
    const overall = new AbortController();
    const timer = setTimeout(
      () => overall.abort(new CoverTimeoutError(taskId)),
      timeoutMs,
    );
    const linked = linkSignals(overall.signal, options.signal);
    try {
      const polling = { ...options, signal: linked.signal };
      for (;;) {
        const outcome = await this.pollOnce(taskId, polling, interval);
        if (typeof outcome !== 'number') return outcome;
        await sleep(outcome, linked.signal);
      }
    } finally {
      clearTimeout(timer);
      linked.dispose();
    }
  }

  /**
   * Remaining credits of the key, from `/api/v1/chat/credit` (kie, Apikley,
   * Sleeve) or `/api/v1/generate/credit` (sunoapi.org): see
   * `creditEndpoint`.
   */
  getCredits(request: RequestOptions = {}): Promise<number> {
    const which = this.options.creditEndpoint ?? 'chat';
    return this.request('GET', `/api/v1/${which}/credit`, request);
  }

  /** Sleeve: imports a record saved from a provider's music record-info. */
  importMusic(
    record: unknown,
    request: RequestOptions = {},
  ): Promise<{ taskId: string }> {
    return this.request('POST', '/api/v1/sleeve/music/import', {
      ...request,
      json: record,
    });
  }

  /** Sleeve: creates a music record, with an audio file if given. */
  createMusic(
    music: NewMusicOptions,
    request: RequestOptions = {},
  ): Promise<{ taskId: string }> {
    if (!music.audio) {
      const { audio: _none, audioName: _name, ...json } = music;
      return this.request('POST', '/api/v1/sleeve/music', {
        ...request,
        json,
      });
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
    return this.request('POST', '/api/v1/sleeve/music', { ...request, form });
  }

  /** The music record in the providers' shape, or null. */
  getMusicDetails(
    taskId: string,
    request: RequestOptions = {},
  ): Promise<MusicDetails | null> {
    return this.request('GET', '/api/v1/generate/record-info', {
      ...request,
      query: { taskId },
    });
  }

  /**
   * Sleeve: your music records with their newest covers, newest first;
   * `limit` 1-100 (server default 24), `before` a page's `nextBefore`.
   */
  listMusic(
    page: { limit?: number; before?: string } = {},
    request: RequestOptions = {},
  ): Promise<SleeveMusicPage> {
    const query: Record<string, string> = {};
    if (page.limit !== undefined) query['limit'] = String(page.limit);
    if (page.before !== undefined) query['before'] = page.before;
    return this.request('GET', '/api/v1/sleeve/music', { ...request, query });
  }

  /** Sleeve: one music record with its features and newest cover. */
  getMusic(
    taskId: string,
    request: RequestOptions = {},
  ): Promise<SleeveMusic | null> {
    return this.request(
      'GET',
      `/api/v1/sleeve/music/${encodeURIComponent(taskId)}`,
      request,
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
      details = await this.getCoverDetails(taskId, { signal: options.signal });
    } catch (error) {
      if (!(error instanceof SleeveApiError)) throw error;
      const retryAfterMs =
        error.retryAfterSec === undefined
          ? undefined
          : error.retryAfterSec * 1000;
      if (error.isRateLimited) return retryAfterMs ?? 1000;
      if (error.isMaintenance) {
        return retryAfterMs ?? options.maintenanceBackoffMs ?? 60_000;
      }
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
    body: RequestOptions & {
      json?: unknown;
      form?: FormData;
      query?: Record<string, string>;
    },
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
    const init: RequestInit = {
      method,
      headers,
      body:
        body.form ??
        (body.json === undefined ? undefined : JSON.stringify(body.json)),
    };
    return this.send<T>(url, init, body.signal);
  }

  /** One request under its own timeout and the caller's signal. */
  private async send<T>(
    url: URL,
    init: RequestInit,
    signal: AbortSignal | undefined,
  ): Promise<T> {
    signal?.throwIfAborted();
    const timeoutMs = this.options.requestTimeoutMs ?? 30_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const linked = linkSignals(timeout, signal);
    try {
      const response = await this.fetch(url, {
        ...init,
        signal: linked.signal,
      });
      return await unwrap<T>(response);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (error instanceof SleeveApiError) throw error;
      if (error instanceof SleeveNetworkError) throw error;
      const failure = timeout.aborted
        ? `the server at ${this.base} did not answer within ${timeoutMs} ms`
        : `could not reach the server at ${this.base}: ` +
          describeConnectionFailure(error);
      // The base has no credentials (checked); a cause may quote a URL.
      throw new SleeveNetworkError(
        withoutCredentials(`${failure} [${init.method} ${url.pathname}]`),
      );
    } finally {
      linked.dispose();
    }
  }
}

/**
 * One signal that aborts when any of the given does, with its reason.
 * (AbortSignal.any would do, but Node 18 lacks it.)
 */
function linkSignals(...signals: (AbortSignal | undefined)[]) {
  const controller = new AbortController();
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  const abort = (source: AbortSignal) => () => controller.abort(source.reason);
  const listeners = present.map((source) => {
    const listener = abort(source);
    if (source.aborted) controller.abort(source.reason);
    else source.addEventListener('abort', listener, { once: true });
    return () => source.removeEventListener('abort', listener);
  });
  return {
    signal: controller.signal,
    dispose: () => listeners.forEach((remove) => remove()),
  };
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
