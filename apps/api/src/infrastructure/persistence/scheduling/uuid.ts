const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ports answer null (or nothing) for an id that names nothing; a string that is not a UUID names nothing either,
 * and must not reach PostgreSQL, where casting it to `uuid` is an error rather than "not found".
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** PostgreSQL's foreign_key_violation, as both `pg` and PGlite report it, optionally of one constraint. */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== '23503') return false;
  const { constraint: name, message } = error as { constraint?: string; message?: string };
  return [name, message].some((text) => text?.includes(constraint));
}
