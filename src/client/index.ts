export { SleeveClient, normaliseBaseUrl } from './client.js';
export type {
  CreateCoverOptions,
  FinishedCover,
  NewMusicOptions,
  SleeveClientOptions,
  WaitOptions,
} from './client.js';
export {
  CoverFailedError,
  CoverTimeoutError,
  SleeveApiError,
  SleeveNetworkError,
} from './errors.js';
export * from './types.js';
