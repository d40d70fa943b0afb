export { analyzeAudio, analyzeSignal, type AnalyzeOptions } from './analyze.js';
export {
  AudioDecodeError,
  type AudioDecodeFailure,
} from './audio-decode-error.js';
export {
  decodeAudio,
  type DecodedAudio,
  type DecodedWindow,
} from './decode.js';
export {
  planExcerpt,
  type ExcerptOptions,
  type ExcerptWindow,
} from './excerpt-plan.js';
export type { AudioFeatures, PitchClass } from './features.js';
