import type { Database } from '@amparo/kit';
import type { CasesKeyring } from './casesKeyring.js';
import { openMigrationStatus, sealMigrationStatus } from './sealMigrationStatus.js';

/**
 * After a key rotation: re-seals, with the current key, every migration status
 * still sealed with an older one, in batches of `batchSize` (one transaction
 * each, rows locked). Returns how many were re-sealed. Once it returns 0 the
 * old key can be dropped from `CASES_ENCRYPTION_KEYS`.
 */
export async function reencryptMigrationStatuses(
  db: Database,
  keyring: CasesKeyring,
  batchSize = 500,
): Promise<number> {
  const prefix = `amp1.${keyring.current.id}.`;
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; migration_status_sealed: string }>(
        `SELECT id, migration_status_sealed FROM cases
         WHERE migration_status_sealed IS NOT NULL AND left(migration_status_sealed, $1) <> $2
         ORDER BY id LIMIT $3 FOR UPDATE`,
        [prefix.length, prefix, batchSize],
      );
      for (const row of rows) {
        const status = openMigrationStatus(keyring, row.id, row.migration_status_sealed);
        await tx.query('UPDATE cases SET migration_status_sealed = $2 WHERE id = $1', [
          row.id,
          sealMigrationStatus(keyring, row.id, status),
        ]);
      }
      return rows.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}
