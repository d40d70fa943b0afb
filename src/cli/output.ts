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
    info: (line) => (json ? process.stderr : process.stdout).write(`${line}\n`),
    result: (value, readable) => {
      process.stdout.write(
        json ? `${JSON.stringify(value, null, 2)}\n` : `${readable()}\n`,
      );
    },
  };
}

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** The command failed (bad input, a failed cover, an API error). */
  failed: 1,
  /** The command line itself was wrong. */
  usage: 2,
  /** The server could not be reached. */
  unreachable: 3,
  /** --wait ran out of time. */
  timeout: 4,
} as const;
