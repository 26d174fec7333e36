import { sql, type Kysely } from 'kysely';

/**
 * Columns that change on their own after a request was answered (the outbox relay marks events published), so a
 * change there is not the doing of the request under test.
 */
const VOLATILE_COLUMNS: Record<string, string[]> = { outbox: ['published_at'] };

/**
 * Tables that record refusals on purpose: the first answer to an `Idempotency-Key` is kept whatever it was, so a
 * retry of a refused request is refused alike (Stripe's model). The idempotency suite checks what they hold.
 */
const ANSWER_LOGS = new Set(['idempotency_keys']);

/**
 * Rows that record a refusal on purpose, left out of their table's print: a declined card's purchase is kept as
 * `failed` (the attempt and the card's reason are history a webhook about it must find). Any other change of the
 * table still shows.
 */
const REFUSAL_RECORDS: Record<string, string> = { purchases: "status <> 'failed'" };

/**
 * A cheap fingerprint of every table of the database (its row count and a hash of its rows), to tell whether a
 * request changed anything. Tables are found in the catalogue, so a table added later is covered without a change
 * here; Kysely's migration bookkeeping is left out.
 */
export async function databaseFingerprinter(db: Kysely<unknown>): Promise<() => Promise<Record<string, string>>> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely%'
    order by table_name`.execute(db);
  if (tables.length === 0) throw new Error('no tables to fingerprint');
  const query = tables
    .filter(({ name }) => !ANSWER_LOGS.has(name))
    .map(({ name }) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected table name ${name}`);
      const volatile = (VOLATILE_COLUMNS[name] ?? []).map((column) => `'${column}'`).join(',');
      return (
        `select '${name}' as name, count(*) || ':' || md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as print ` +
        `from (select to_jsonb(t) - array[${volatile}]::text[] as r from "${name}" t where ${REFUSAL_RECORDS[name] ?? 'true'}) rows`
      );
    })
    .join(' union all ');
  return async () => {
    const { rows } = await sql<{ name: string; print: string }>`${sql.raw(query)}`.execute(db);
    return Object.fromEntries(rows.map((row) => [row.name, row.print]));
  };
}
