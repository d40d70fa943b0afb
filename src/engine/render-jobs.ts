import type { AudioFeatures } from '../audio/features.js';
import type { CoverInput, ImageFormat } from './types.js';

/** Audio bytes, or a file the worker reads itself (uploads: large). */
export type AudioSource = Uint8Array | { file: string };

/** Messages between the main thread and the render worker threads. */
export type RenderJob =
  | { kind: 'analyze'; audio: AudioSource }
  | {
      kind: 'render';
      input: CoverInput;
      /** An explicit style, or the track's own pair picked by `pick`. */
      style: string | null;
      pick: 0 | 1;
      variation: number;
      size: number;
      format: ImageFormat;
    };

export type RenderJobResult =
  | { kind: 'analyzed'; features: AudioFeatures }
  | { kind: 'rendered'; style: string; bytes: Uint8Array }
  | { kind: 'error'; reason: 'undecodable-audio' | 'render'; message: string };
