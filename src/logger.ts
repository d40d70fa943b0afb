import { pino, type Logger } from 'pino';
import type { SleeveConfig } from './config/config.js';

export type { Logger };

/**
 * Paths that may carry secrets. Keys, webhook keys and Authorization
 * headers never reach a log line, whatever logs them.
 */
const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'apiKey',
  'key',
  'webhookKey',
  'secret',
  '*.apiKey',
  '*.webhookKey',
  '*.secret',
];

export function createLogger(
  config: Pick<SleeveConfig, 'logLevel' | 'logFormat'>,
): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: REDACTED, censor: '[redacted]' },
    ...(config.logFormat === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}
