import type { Queryable } from '@amparo/kit';

/**
 * The server settings that move the domain bench's numbers, recorded with
 * each run: the bench uses whatever server it is given, and a run is read
 * against them (tests/bench/README.md, "The PostgreSQL server").
 */
const RECORDED = [
  'server_version',
  'shared_buffers',
  'effective_cache_size',
  'work_mem',
  'synchronous_commit',
  'autovacuum',
  'max_connections',
  'jit',
  'huge_pages',
] as const;

export type PostgresSettings = Record<(typeof RECORDED)[number], string>;

export async function readPostgresSettings(db: Queryable): Promise<PostgresSettings> {
  const rows = await db.query<{ name: string; value: string }>(
    `SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1::text[])`,
    [RECORDED],
  );
  const byName = new Map(rows.map((row) => [row.name, row.value]));
  return Object.fromEntries(RECORDED.map((name) => [name, byName.get(name) ?? 'unknown'])) as PostgresSettings;
}

/**
 * Why a workload's reads may go through the kernel, or null: when the
 * bench's database is larger than `shared_buffers`, pages the workload reads
 * are evicted and read again from the page cache, one system call each
 * (64,000 `pread` calls in 3 s of the catalogue search at Debian's default
 * of 128 MB against 4 at 2 GB; README).
 */
export async function sharedBuffersWarning(db: Queryable): Promise<string | null> {
  const [row] = await db.query<{ database: number; buffers: number }>(
    `SELECT pg_database_size(current_database())::float8 AS database,
            (SELECT setting::float8 * pg_size_bytes(unit) FROM pg_settings WHERE name = 'shared_buffers') AS buffers`,
  );
  if (!row || row.database <= row.buffers) return null;
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  return (
    `the bench database (${mb(row.database)}) is larger than shared_buffers (${mb(row.buffers)}): ` +
    'pages are read again through the kernel; see tests/bench/README.md, "The PostgreSQL server"'
  );
}
