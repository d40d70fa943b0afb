import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { AudioFeatures } from '../audio/features.js';
import { tuneMalloc } from './malloc-tuning.js';
import type { AudioSource, RenderJob, RenderJobResult } from './render-jobs.js';
import type { CoverInput, ImageFormat } from './types.js';

export interface RenderedCover {
  style: string;
  bytes: Buffer;
}

export interface CoverRenderOptions {
  size: number;
  format: ImageFormat;
  variation: number;
}

/** The input could not be used (e.g. audio that does not decode). */
export class RenderInputError extends Error {
  override name = 'RenderInputError';
}

/** CPU work of the art engine, spread over worker threads. */
export class RenderPool {
  private readonly pool: Piscina<RenderJob, RenderJobResult>;

  constructor(threads: number) {
    // Before the first thread starts, so every thread's heap is the tuned one.
    tuneMalloc();
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: Math.min(threads, 1),
      maxThreads: threads,
      idleTimeout: 60_000,
      // Piscina's default waits for the next task in Atomics.wait, so a
      // worker never returns to its event loop; Node-API runs the
      // finalizers that free native memory (Skia's pixel read-backs,
      // gradients) only from there, so a worker grew by megabytes per
      // cover without bound. Waiting on messages costs microseconds.
      atomics: 'disabled',
      // V8 cannot see that native memory, so it is freed only as often as
      // the young generation fills; a small one (the default grows to tens
      // of megabytes a thread) collects sooner and holds less, at no
      // measurable cost in covers per second.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
  }

  /** Measures audio: bytes, or a file the render thread reads itself. */
  async analyze(audio: AudioSource): Promise<AudioFeatures> {
    const result = await this.pool.run({ kind: 'analyze', audio });
    if (result.kind === 'analyzed') return result.features;
    throw toError(result);
  }

  /** Both covers of a track, rendered at once on two threads. */
  renderPair(
    input: CoverInput,
    options: CoverRenderOptions,
  ): Promise<[RenderedCover, RenderedCover]> {
    return Promise.all([
      this.render(input, null, 0, options),
      this.render(input, null, 1, options),
    ]);
  }

  renderStyle(
    input: CoverInput,
    style: string,
    options: CoverRenderOptions,
  ): Promise<RenderedCover> {
    return this.render(input, style, 0, options);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  private async render(
    input: CoverInput,
    style: string | null,
    pick: 0 | 1,
    options: CoverRenderOptions,
  ): Promise<RenderedCover> {
    const result = await this.pool.run({
      kind: 'render',
      input,
      style,
      pick,
      ...options,
    });
    if (result.kind !== 'rendered') throw toError(result);
    const bytes = Buffer.from(
      result.bytes.buffer,
      result.bytes.byteOffset,
      result.bytes.byteLength,
    );
    return { style: result.style, bytes };
  }
}

function toError(result: RenderJobResult): Error {
  if (result.kind !== 'error') return new Error('unexpected worker answer');
  return result.reason === 'undecodable-audio'
    ? new RenderInputError(result.message)
    : new Error(result.message);
}

/**
 * The worker sits beside this file: `.js` once built, `.ts` when run from
 * source through tsx (whose loader the worker threads inherit).
 */
function workerFile(): string {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return fileURLToPath(new URL(`./render-worker${extension}`, import.meta.url));
}
