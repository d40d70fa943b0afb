import type { Command } from 'commander';
import { Sleeve } from '../../app.js';
import { bootstrapAdminKey } from '../../accounts/bootstrap-admin.js';
import { loadConfig, type SleeveConfig } from '../../config/config.js';
import { tuneMalloc } from '../../engine/malloc-tuning.js';
import { createLogger } from '../../logger.js';
import { BackendOpenError, type BackendPart } from '../../backends.js';
import {
  describeConnectionFailure,
  findConnectionFailureCode,
} from '../../client/connection-failure.js';
import { CommandFailure, UsageError } from '../flags.js';
import { EXIT } from '../output.js';
import { explainOpenFailure } from '../open-database.js';
import { withoutPasswords } from '../../client/url-credentials.js';

interface ServeFlags {
  port?: string;
  host?: string;
  dataDir?: string;
  services?: string;
  json?: boolean;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the Sleeve server (API and workers by default).')
    .option('-p, --port <port>', 'port to listen on (SLEEVE_PORT)')
    .option('--host <host>', 'address to listen on (SLEEVE_HOST)')
    .option('--data-dir <dir>', 'data directory (SLEEVE_DATA_DIR)')
    .option('--services <list>', 'api, worker or api,worker (SLEEVE_SERVICES)')
    .option(
      '--json',
      'once listening, print one JSON line {url, services, adminKey} ' +
        '(adminKey: the key made on the first start, else null); ' +
        'logs go to stderr',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve serve\n  SLEEVE_PORT=8080 sleeve serve --data-dir /var/lib/sleeve\n' +
        '  sleeve serve --services worker\n  sleeve serve --json 2>sleeve.log',
    )
    .action(serve);
}

async function serve(flags: ServeFlags): Promise<void> {
  const config = loadConfig(process.env, {
    SLEEVE_PORT: { flag: '--port', value: flags.port },
    SLEEVE_HOST: { flag: '--host', value: flags.host },
    SLEEVE_DATA_DIR: { flag: '--data-dir', value: flags.dataDir },
    SLEEVE_SERVICES: { flag: '--services', value: flags.services },
  });
  // With --json, stdout is for the one line a script reads.
  const logger = createLogger(config, { fd: flags.json ? 2 : 1 });
  const sleeve = await Sleeve.open({ config, logger }).catch((error) => {
    throw explainStartFailure(error, config);
  });
  const bootstrap = () =>
    bootstrapAdminKey(sleeve.accounts, sleeve.stores.apiKeys, {
      secret: config.bootstrapApiKey,
      credits: config.initialCredits,
    });
  // A key from SLEEVE_API_KEY is registered first, so it works from
  // the first request. A random one is made only once the server
  // listens: a start that fails (a busy port) must not store a key it
  // never shows, or no later start would show one.
  if (config.bootstrapApiKey) await bootstrap();
  const url = await listenOrClose(sleeve);
  const admin = await bootstrap();
  logStart(sleeve, url);

  const adminKey = admin.kind === 'generated' ? admin.secret : null;
  if (flags.json) {
    const started = { url, services: config.services, adminKey };
    process.stdout.write(`${JSON.stringify(started)}\n`);
  } else if (adminKey) {
    printFirstKey(adminKey, url);
  }
  stopOnSignals(sleeve);
}

/**
 * A part that would not open, in one line: the database as the operator
 * commands name it, the others with the reason a connection failed
 * (exit 3) or the engine's own words (exit 2, a setting to correct).
 */
function explainStartFailure(error: unknown, config: SleeveConfig): unknown {
  if (!(error instanceof BackendOpenError)) return error;
  if (error.part === 'database') {
    return explainOpenFailure(error.cause, config.databaseUrl);
  }
  const where = placeOf(error.part, config);
  const unreachable = findConnectionFailureCode(error.cause) !== undefined;
  return new CommandFailure(
    `cannot open the ${error.part}${where}: ` +
      describeConnectionFailure(error.cause),
    { exit: unreachable ? EXIT.unreachable : EXIT.usage, cause: error },
  );
}

/** Where a part lives, as shown: " (Redis at …)", " (S3 bucket …)". */
function placeOf(part: BackendPart, config: SleeveConfig): string {
  if (part === 'rate limit store' && config.redis) {
    return ` (Redis at ${withoutPasswords(config.redis.url)})`;
  }
  if (part === 'object storage' && config.s3) {
    return ` (S3 bucket ${config.s3.bucket})`;
  }
  return '';
}

async function listenOrClose(sleeve: Sleeve): Promise<string> {
  try {
    return await sleeve.listen();
  } catch (error) {
    await sleeve.close().catch(() => undefined);
    throw explainListenFailure(error, sleeve.config);
  }
}

/**
 * The address the settings name cannot be listened on: a setting to
 * correct (exit 2), said in one line with the settings that choose it.
 */
function explainListenFailure(error: unknown, config: SleeveConfig): unknown {
  const { port, host } = config;
  const code = (error as NodeJS.ErrnoException).code;
  const where = `port ${port} on ${host}`;
  const problems: Record<string, string> = {
    EADDRINUSE: `${where} is already in use; set SLEEVE_PORT or --port`,
    EACCES:
      `${where} needs privileges this process lacks; set SLEEVE_PORT ` +
      'or --port to 1024 or above',
    EADDRNOTAVAIL: `${host} is not an address of this machine; set SLEEVE_HOST or --host`,
  };
  const problem = code === undefined ? undefined : problems[code];
  return problem ? new UsageError(problem, { cause: error }) : error;
}

function logStart(sleeve: Sleeve, url: string): void {
  const { config } = sleeve;
  sleeve.logger.info(
    {
      url,
      services: config.services,
      data: config.databaseUrl.startsWith('postgres')
        ? 'postgres'
        : config.dataDir,
      // What the render pool did about glibc's malloc (docs/deployment.md).
      malloc: tuneMalloc(),
    },
    'sleeve started',
  );
}

/** The one time the generated admin key is shown. */
function printFirstKey(secret: string, url: string): void {
  const base = url || 'http://127.0.0.1:3000';
  process.stdout.write(
    [
      '',
      '  Sleeve created your admin API key. It is shown this once only:',
      '',
      `      ${secret}`,
      '',
      '  Try it:',
      `      curl -s ${base}/api/v1/chat/credit -H "Authorization: Bearer ${secret}"`,
      '',
      '',
    ].join('\n'),
  );
}

function stopOnSignals(sleeve: Sleeve): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    sleeve.logger.info({ signal }, 'shutting down');
    try {
      await sleeve.close();
      process.exit(0);
    } catch (error) {
      sleeve.logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
