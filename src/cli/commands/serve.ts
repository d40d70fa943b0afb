import type { Command } from 'commander';
import { Sleeve } from '../../app.js';
import { bootstrapAdminKey } from '../../accounts/bootstrap-admin.js';
import { loadConfig } from '../../config/config.js';
import { tuneMalloc } from '../../engine/malloc-tuning.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the Sleeve server (API and workers by default).')
    .option('-p, --port <port>', 'port to listen on (SLEEVE_PORT)')
    .option('--host <host>', 'address to listen on (SLEEVE_HOST)')
    .option('--data-dir <dir>', 'data directory (SLEEVE_DATA_DIR)')
    .option('--services <list>', 'api, worker or api,worker (SLEEVE_SERVICES)')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve serve\n  SLEEVE_PORT=8080 sleeve serve --data-dir /var/lib/sleeve\n' +
        '  sleeve serve --services worker',
    )
    .action(async (flags: Record<string, string | undefined>) => {
      const config = loadConfig({
        ...process.env,
        ...(flags['port'] && { SLEEVE_PORT: flags['port'] }),
        ...(flags['host'] && { SLEEVE_HOST: flags['host'] }),
        ...(flags['dataDir'] && { SLEEVE_DATA_DIR: flags['dataDir'] }),
        ...(flags['services'] && { SLEEVE_SERVICES: flags['services'] }),
      });
      const sleeve = await Sleeve.open({ config });
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
      let url: string;
      try {
        url = await sleeve.listen();
      } catch (error) {
        await sleeve.close().catch(() => undefined);
        throw error;
      }
      const admin = await bootstrap();
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
      if (admin.kind === 'generated') printFirstKey(admin.secret, url);
      stopOnSignals(sleeve);
    });
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
