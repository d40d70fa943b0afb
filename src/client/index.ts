export { SleeveClient, normaliseBaseUrl } from './client.js';
export type {
  CreateCoverOptions,
  FinishedCover,
  NewMusicOptions,
  RequestOptions,
  SleeveClientOptions,
  WaitOptions,
} from './client.js';
export {
  CoverFailedError,
  CoverTimeoutError,
  SleeveApiError,
  SleeveNetworkError,
} from './errors.js';
export {
  CoverCallbackError,
  DEFAULT_TOLERANCE_SEC,
  WebhookKeyError,
  parseCoverCallback,
  verifyCoverCallback,
  verifyKieSignature,
  verifyStandardSignature,
} from './webhooks.js';
export type {
  CoverCallbackResult,
  VerifyCoverCallbackOptions,
  VerifyWebhookOptions,
  WebhookHeaders,
} from './webhooks.js';
export * from './types.js';
