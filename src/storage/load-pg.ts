import type Pg from 'pg';

let loading: Promise<typeof Pg> | undefined;

/**
 * node-postgres, loaded the first time a Postgres URL is opened, so the
 * embedded default never holds it in memory.
 */
export function loadPg(): Promise<typeof Pg> {
  loading ??= import('pg').then(({ default: pg }) => {
    // int8 columns (times, micro-credits) fit a JS number exactly.
    pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
    return pg;
  });
  return loading;
}
