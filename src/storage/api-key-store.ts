import type { Selectable } from 'kysely';
import type { Database } from './database.js';
import type { ApiKey } from './records.js';
import type { ApiKeysTable } from './schema.js';

export interface NewApiKey {
  id: string;
  name: string;
  keyHash: string;
  prefix: string;
  isAdmin: boolean;
  creditsMicro: number;
  createdAt: number;
}

export class ApiKeyStore {
  constructor(private readonly db: Database) {}

  async insert(key: NewApiKey): Promise<void> {
    await this.db.kysely
      .insertInto('api_keys')
      .values({
        id: key.id,
        name: key.name,
        key_hash: key.keyHash,
        key_prefix: key.prefix,
        is_admin: key.isAdmin ? 1 : 0,
        credits_micro: key.creditsMicro,
        created_at: key.createdAt,
        revoked_at: null,
      })
      .execute();
  }

  /** The live (not revoked) key with this hash. */
  async findByHash(keyHash: string): Promise<ApiKey | undefined> {
    const row = await this.db.kysely
      .selectFrom('api_keys')
      .selectAll()
      .where('key_hash', '=', keyHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row && toApiKey(row);
  }

  async get(id: string): Promise<ApiKey | undefined> {
    const row = await this.db.kysely
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toApiKey(row);
  }

  async list(): Promise<ApiKey[]> {
    const rows = await this.db.kysely
      .selectFrom('api_keys')
      .selectAll()
      .orderBy('created_at')
      .execute();
    return rows.map(toApiKey);
  }

  async count(): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async revoke(id: string, now: number): Promise<boolean> {
    const result = await this.db.kysely
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Adds (or with a negative amount, removes) credits; the new balance. */
  async addCredits(id: string, micro: number): Promise<number | undefined> {
    const row = await this.db.kysely
      .updateTable('api_keys')
      .set((eb) => ({ credits_micro: eb('credits_micro', '+', micro) }))
      .where('id', '=', id)
      .returning('credits_micro')
      .executeTakeFirst();
    return row?.credits_micro;
  }
}

function toApiKey(row: Selectable<ApiKeysTable>): ApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.key_prefix,
    isAdmin: row.is_admin === 1,
    creditsMicro: Number(row.credits_micro),
    createdAt: Number(row.created_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
