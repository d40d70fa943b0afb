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

export interface LoggerOptions {
  /**
   * Where the lines go: 1 (stdout, the default) or 2 (stderr, when stdout
   * carries a command's own output, as with `sleeve serve --json`).
   */
  fd?: 1 | 2;
}

export function createLogger(
  config: Pick<SleeveConfig, 'logLevel' | 'logFormat'>,
  { fd = 1 }: LoggerOptions = {},
): Logger {
  const options = {
    level: config.logLevel,
    redact: { paths: REDACTED, censor: '[redacted]' },
  };
  if (config.logFormat === 'pretty') {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: {
          translateTime: 'HH:MM:ss.l',
          ignore: 'pid,hostname',
          destination: fd,
        },
      },
    });
  }
  return fd === 1 ? pino(options) : pino(options, pino.destination(fd));
}
