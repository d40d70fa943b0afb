/**
 * Every task id a record can have: Sleeve's own are 32 hex digits, and an
 * imported record's is 1-64 letters, digits, '-' or '_' (checked on
 * import). Anything else names no record, and is not sent to the
 * database at all: PostgreSQL refuses text with a NUL in it outright.
 */
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function couldBeTaskId(id: string): boolean {
  return TASK_ID.test(id);
}
