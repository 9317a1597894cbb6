import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './Database.js';

/** One advisory lock for every subgraph's migrations: extensions are per database. */
const MIGRATION_LOCK = 7_311_204_118;

export interface MigrationResult {
  readonly applied: readonly string[];
  readonly skipped: readonly string[];
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/**
 * Applies `NNNN_name.sql` files from `dir` in order, each once, each in its own
 * transaction together with its record in `schema_migrations`. Every
 * transaction first takes an advisory lock, so two processes starting at once
 * apply each file exactly once. A changed file that was already applied is an
 * error: migrations are append-only.
 */
export async function migrate(db: Database, schema: string, dir: string, prefix = ''): Promise<MigrationResult> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const sql = readFileSync(join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.exec(
        `CREATE SCHEMA IF NOT EXISTS "${schema}";
         CREATE TABLE IF NOT EXISTS "${schema}".schema_migrations (
           name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());`,
      );
      const [row] = await tx.query<{ checksum: string }>(
        `select checksum from "${schema}".schema_migrations where name = $1`,
        [prefix + file],
      );
      if (row) {
        if (row.checksum !== checksum) throw new MigrationError(`migration ${file} changed after it was applied`);
        return false;
      }
      await tx.exec(sql);
      await tx.query(`insert into "${schema}".schema_migrations (name, checksum) values ($1, $2)`, [
        prefix + file,
        checksum,
      ]);
      return true;
    });
    (done ? applied : skipped).push(prefix + file);
  }
  return { applied, skipped };
}

/** The kit's own migrations (the audit trail), applied to every subgraph's schema first. */
export const KIT_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** Applies the kit's migrations, then the subgraph's own. */
export async function migrateSubgraph(
  db: Database,
  definition: { name: string; migrationsDir: string },
): Promise<MigrationResult> {
  const kit = await migrate(db, definition.name, KIT_MIGRATIONS_DIR, 'kit/');
  const own = await migrate(db, definition.name, definition.migrationsDir);
  return { applied: [...kit.applied, ...own.applied], skipped: [...kit.skipped, ...own.skipped] };
}
