import { appendAuditEvents, type Database } from '@amparo/kit';
import { eraseCaseRows } from './eraseCaseRows.js';

/** Cases erased per transaction by the retention job. */
const BATCH = 200;

/**
 * The retention job: erases the personal data of every case closed more than
 * `retentionDays` before `now` (see eraseCaseRows), in batches, each with its
 * WRITE audit event by the `system:retention` principal. Returns how many
 * cases it erased.
 */
export async function purgeExpiredCases(db: Database, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  let total = 0;
  for (;;) {
    const erased = await db.transaction(async (tx) => {
      const due = await tx.query<{ id: string }>(
        `SELECT id FROM cases WHERE status = 'CLOSED' AND erased_at IS NULL AND closed_at < $1
         ORDER BY closed_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [cutoff],
      );
      const ids = await eraseCaseRows(
        tx,
        due.map((d) => d.id),
      );
      await appendAuditEvents(
        tx,
        'cases',
        ids.length === 0
          ? []
          : [
              {
                requestId: `retention-${now.toISOString()}`,
                principalSub: 'system:retention',
                role: 'system',
                organizationId: null,
                purpose: `retention: closed more than ${retentionDays} days ago`,
                operationName: null,
                operationHash: null,
                action: 'WRITE',
                recordType: 'Case',
                recordIds: ids,
                fields: ['eraseCase'],
              },
            ],
      );
      return ids.length;
    });
    total += erased;
    if (erased < BATCH) return total;
  }
}
