import { CONTROL_CHARACTERS } from '../util/control-characters.js';

/** How a command reports: readable lines, or one JSON document. */
export interface Output {
  json: boolean;
  /** A line for people (stderr when --json, so stdout stays parseable). */
  info(line: string): void;
  /** The command's result. */
  result(value: unknown, readable: () => string): void;
}

export function createOutput(json: boolean): Output {
  return {
    json,
    info: (line) =>
      (json ? process.stderr : process.stdout).write(`${escapeLines(line)}\n`),
    result: (value, readable) => {
      // JSON escapes control characters itself.
      process.stdout.write(
        json
          ? `${JSON.stringify(value, null, 2)}\n`
          : `${escapeLines(readable())}\n`,
      );
    },
  };
}

const visible = (char: string) =>
  `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A value from outside (a key name, a title, a server's message) as text
 * safe to print: every control character, newlines too, is shown as its
 * \\u escape, so the value stays on its own line.
 */
export function shown(value: string): string {
  return value.replace(CONTROL_CHARACTERS, visible);
}

/** What a command prints: its own line breaks stay, all else is shown. */
export function escapeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => shown(line))
    .join('\n');
}

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The command failed (bad input, a failed cover, an API error). */
  failed: 1,
  /**
   * The command line or the configuration was wrong (a database that does
   * not exist, or refuses the login, included).
   */
  usage: 2,
  /** The server, or the database, could not be reached. */
  unreachable: 3,
  /** --wait ran out of time. */
  timeout: 4,
} as const;
