import type { Queryable } from '@amparo/kit';
import { refreshSearchText } from '../catalogue/refreshSearchText.js';
import type { ServiceChanges } from './validateServiceInput.js';

/** Replaces translations and opening hours when the input gave them, then refreshes the search text. */
export async function writeSideTables(tx: Queryable, serviceId: string, changes: ServiceChanges): Promise<void> {
  if (changes.translations) {
    await tx.query('DELETE FROM service_translations WHERE service_id = $1', [serviceId]);
    for (const t of changes.translations) {
      await tx.query(
        'INSERT INTO service_translations (service_id, language, name, description) VALUES ($1, $2, $3, $4)',
        [serviceId, t.language, t.name, t.description],
      );
    }
  }
  if (changes.openingHours) {
    await tx.query('DELETE FROM service_hours WHERE service_id = $1', [serviceId]);
    for (const h of changes.openingHours) {
      await tx.query(
        'INSERT INTO service_hours (service_id, weekday, opens, closes) VALUES ($1, $2, $3::time, $4::time) ON CONFLICT DO NOTHING',
        [serviceId, h.weekday, h.opens, h.closes],
      );
    }
  }
  await refreshSearchText(tx, [serviceId]);
}
