import { EXIT } from './output.js';

export interface CommandFailureOptions extends ErrorOptions {
  /** The exit code; default 1 (EXIT.failed). */
  exit?: number;
  /** Fields added to the --json error object, beside message and exit. */
  details?: Record<string, unknown>;
}

/**
 * A failure the command expects and explains in its message (a file that
 * is not audio, a tracks.json that is not JSON): one line, exit code 1,
 * or another of EXIT's (3 for a database that cannot be reached).
 */
export class CommandFailure extends Error {
  override name = 'CommandFailure';
  readonly exit: number;
  readonly details: Record<string, unknown>;

  constructor(message: string, options: CommandFailureOptions = {}) {
    super(message, options);
    this.exit = options.exit ?? EXIT.failed;
    this.details = options.details ?? {};
  }
}

/** A mistake in the command line or the settings (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A flag's text as a whole number within bounds, or a UsageError. Past
 * 2^53 two numbers could be one, so none beyond is taken, bound or not.
 */
export function wholeNumber(
  flag: string,
  text: string,
  bounds: { min: number; max?: number },
): number {
  const value = Number(text);
  const { min, max } = bounds;
  if (
    text.trim() === '' ||
    !Number.isSafeInteger(value) ||
    value < min ||
    (max !== undefined && value > max)
  ) {
    const range =
      max === undefined ? `from ${min} up` : `from ${min} to ${max}`;
    throw new UsageError(`${flag} must be a whole number ${range}`);
  }
  return value;
}

/** A flag's text as a positive number (fractions allowed). */
export function positiveNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${flag} must be a number above 0`);
  }
  return value;
}
