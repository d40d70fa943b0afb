import type { Command } from 'commander';
import { Accounts } from '../../accounts/accounts.js';
import { findKeyNameProblem } from '../../accounts/key-name.js';
import { Maintenance } from '../../accounts/maintenance.js';
import { loadConfig } from '../../config/config.js';
import { describeKey } from '../../http/routes/admin-routes.js';
import { createStores, type Stores } from '../../storage/stores.js';
import { systemClock } from '../../util/clock.js';
import { UsageError } from '../flags.js';
import { openExistingDatabase } from '../open-database.js';
import { withoutPasswords } from '../../client/url-credentials.js';
import { createOutput, shown, type Output } from '../output.js';

interface Admin {
  accounts: Accounts;
  maintenance: Maintenance;
  stores: Stores;
  initialCredits: number;
}

interface DatabaseFlags {
  dataDir?: string;
  databaseUrl?: string;
  json?: boolean;
}

/**
 * Operator commands work on the database directly (the one the server
 * uses, from the same SLEEVE_* settings or flags), so they need no running
 * server. They say which database they open, and open only one that
 * Sleeve made already (openExistingDatabase says why).
 */
async function withAdmin(
  flags: DatabaseFlags,
  task: (admin: Admin) => Promise<void>,
) {
  const config = loadConfig(process.env, {
    SLEEVE_DATA_DIR: { flag: '--data-dir', value: flags.dataDir },
    SLEEVE_DATABASE_URL: { flag: '--database-url', value: flags.databaseUrl },
  });
  createOutput(flags.json === true).info(
    `database: ${withoutPasswords(config.databaseUrl)}`,
  );
  const database = await openExistingDatabase(config);
  const stores = createStores(database);
  try {
    await task({
      stores,
      accounts: new Accounts(stores.apiKeys, systemClock),
      maintenance: new Maintenance(stores.settings, systemClock, false),
      initialCredits: config.initialCredits,
    });
  } finally {
    await database.close();
  }
}

const jsonOption = ['--json', 'print JSON'] as const;

interface CreateKeyFlags extends DatabaseFlags {
  name: string;
  credits?: string;
  admin?: boolean;
}

async function createKey(flags: CreateKeyFlags): Promise<void> {
  // Checked before the database opens: a bad name is a bad command line.
  const problem = findKeyNameProblem(flags.name, '--name');
  if (problem) throw new UsageError(problem);
  const given =
    flags.credits === undefined ? undefined : parseAmount(flags.credits);

  await withAdmin(flags, async ({ accounts, initialCredits }) => {
    const credits = given ?? initialCredits;
    const created = await accounts.createKey({
      name: flags.name,
      credits,
      isAdmin: flags.admin === true,
    });
    createOutput(flags.json === true).result(
      { ...describeKey(created.key), key: created.secret },
      () =>
        `Created ${created.key.id} (${shown(flags.name)}) with ${credits} credits.\n` +
        `Its secret, shown this once:\n\n    ${created.secret}\n`,
    );
  });
}

export function registerKeys(program: Command): void {
  const keys = program
    .command('keys')
    .description('Create, list and revoke API keys; add credits.')
    .option('--json', 'print JSON (as --json after the command does)')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve keys create --name "my app" --credits 50\n' +
        '  sleeve keys list\n  sleeve keys credits key_0123abcd 25\n' +
        '  sleeve keys revoke key_0123abcd',
    );

  keys
    .command('create')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve keys create --name "my app" --credits 50\n  sleeve keys create --name ops --admin --json',
    )
    .description('Create a key; its secret is printed once.')
    .requiredOption(
      '--name <name>',
      'a label for the key, 1 to 100 characters, not only spaces',
    )
    .option(
      '--credits <n>',
      'starting credits (default SLEEVE_INITIAL_CREDITS)',
    )
    .option('--admin', 'an admin key (may manage keys)')
    .option('--data-dir <dir>', 'the data directory (SLEEVE_DATA_DIR)')
    .option(
      '--database-url <url>',
      'postgres:// URL or SQLite file (SLEEVE_DATABASE_URL)',
    )
    .option(...jsonOption)
    .action(createKey);

  keys
    .command('list')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve keys list\n  sleeve keys list --data-dir /var/lib/sleeve --json',
    )
    .description('List keys (never their secrets).')
    .option('--data-dir <dir>', 'the data directory (SLEEVE_DATA_DIR)')
    .option(
      '--database-url <url>',
      'postgres:// URL or SQLite file (SLEEVE_DATABASE_URL)',
    )
    .option(...jsonOption)
    .action((flags: DatabaseFlags) =>
      withAdmin(flags, async ({ accounts }) => {
        const list = (await accounts.list()).map(describeKey);
        createOutput(flags.json === true).result(list, () => formatKeys(list));
      }),
    );

  keys
    .command('revoke <id>')
    .addHelpText('after', '\nExamples:\n  sleeve keys revoke key_0123abcd')
    .description('Revoke a key at once.')
    .option('--data-dir <dir>', 'the data directory (SLEEVE_DATA_DIR)')
    .option(
      '--database-url <url>',
      'postgres:// URL or SQLite file (SLEEVE_DATABASE_URL)',
    )
    .option(...jsonOption)
    .action((id: string, flags: DatabaseFlags) =>
      withAdmin(flags, async ({ accounts }) => {
        await accounts.revoke(id);
        createOutput(flags.json === true).result(
          { id, revoked: true },
          () => `Revoked ${id}.`,
        );
      }),
    );

  keys
    .command('credits <id> <amount>')
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve keys credits key_0123abcd 25\n  sleeve keys credits key_0123abcd -5',
    )
    .description('Add credits to a key (a negative amount removes).')
    .option('--data-dir <dir>', 'the data directory (SLEEVE_DATA_DIR)')
    .option(
      '--database-url <url>',
      'postgres:// URL or SQLite file (SLEEVE_DATABASE_URL)',
    )
    .option(...jsonOption)
    .action((id: string, amount: string, flags: DatabaseFlags) => {
      const change = parseAmount(amount, true);
      return withAdmin(flags, async ({ accounts }) => {
        const balance = await accounts.addCredits(id, change);
        createOutput(flags.json === true).result(
          { id, credits: balance },
          () => `${id} now has ${balance} credits.`,
        );
      });
    });
}

export function registerMaintenance(program: Command): void {
  program
    .command('maintenance <state>')
    .description('Switch maintenance mode: on, off or status.')
    .option('--data-dir <dir>', 'the data directory (SLEEVE_DATA_DIR)')
    .option(
      '--database-url <url>',
      'postgres:// URL or SQLite file (SLEEVE_DATABASE_URL)',
    )
    .option(...jsonOption)
    .addHelpText(
      'after',
      '\nExamples:\n  sleeve maintenance on\n  sleeve maintenance status',
    )
    .action((state: string, flags: DatabaseFlags) => {
      // A bad command line is told before any database is opened.
      if (!['on', 'off', 'status'].includes(state)) {
        throw new UsageError('state must be on, off or status');
      }
      return withAdmin(flags, async ({ maintenance }) => {
        if (state !== 'status') await maintenance.set(state === 'on');
        const enabled = await maintenance.isOn();
        createOutput(flags.json === true).result(
          { enabled },
          () => `Maintenance is ${enabled ? 'on' : 'off'}.`,
        );
      });
    });
}

function parseAmount(text: string, allowNegative = false): number {
  const amount = Number(text);
  if (!Number.isFinite(amount) || (!allowNegative && amount < 0)) {
    throw new UsageError(`not a usable amount of credits: ${text}`);
  }
  return amount;
}

function formatKeys(list: ReturnType<typeof describeKey>[]): string {
  if (list.length === 0) return 'No keys.';
  return list
    .map(
      (k) =>
        `${k.id}  ${k.prefix}…  ${String(k.credits).padStart(8)} credits  ` +
        `${k.admin ? 'admin ' : ''}${k.revoked ? 'REVOKED ' : ''}${shown(k.name)}`,
    )
    .join('\n');
}

export type { Output };
