import type { Database } from './database.js';

/** Small operator settings shared by every process (maintenance mode). */
export class SettingsStore {
  constructor(private readonly db: Database) {}

  async get(name: string): Promise<string | undefined> {
    const row = await this.db.kysely
      .selectFrom('settings')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirst();
    return row?.value;
  }

  async set(name: string, value: string): Promise<void> {
    await this.db.kysely
      .insertInto('settings')
      .values({ name, value })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value }))
      .execute();
  }
}
