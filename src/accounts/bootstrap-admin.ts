import type { Accounts } from './accounts.js';
import { hashKey } from './accounts.js';
import type { ApiKeyStore } from '../storage/api-key-store.js';

export type BootstrapResult =
  | { kind: 'none' }
  | { kind: 'from-env' }
  | { kind: 'generated'; secret: string };

/**
 * Makes sure there is an admin key. With SLEEVE_API_KEY set, that key is
 * registered (once); otherwise a random one is made on the very first
 * start, and only then is its secret returned to be shown.
 */
export async function bootstrapAdminKey(
  accounts: Accounts,
  keys: ApiKeyStore,
  options: { secret: string | undefined; credits: number },
): Promise<BootstrapResult> {
  if (options.secret) {
    const hash = hashKey(options.secret);
    if (await keys.findByHash(hash)) return { kind: 'none' };
    try {
      await accounts.createKey({
        name: 'admin (SLEEVE_API_KEY)',
        isAdmin: true,
        credits: options.credits,
        secret: options.secret,
      });
    } catch (error) {
      // Several processes starting at once on a new database race here;
      // the key's unique hash lets one win, and the others find its key.
      if (await keys.findByHash(hash)) return { kind: 'none' };
      throw error;
    }
    return { kind: 'from-env' };
  }
  if ((await accounts.countKeys()) > 0) return { kind: 'none' };
  const created = await accounts.createKey({
    name: 'admin',
    isAdmin: true,
    credits: options.credits,
  });
  return { kind: 'generated', secret: created.secret };
}
