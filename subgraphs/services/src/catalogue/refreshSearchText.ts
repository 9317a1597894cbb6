import type { Queryable } from '@amparo/kit';

/**
 * Recomputes the normalized text search reads (names and descriptions in
 * every language, lower-case, without accents). unaccent() is not IMMUTABLE,
 * so it cannot back an expression index; the column is kept by every write.
 */
export async function refreshSearchText(tx: Queryable, ids: readonly string[] | 'all'): Promise<void> {
  await tx.query(
    `UPDATE services s SET search_text = lower(unaccent(concat_ws(' ', s.name, s.description,
       (SELECT string_agg(concat_ws(' ', t.name, t.description), ' ') FROM service_translations t WHERE t.service_id = s.id))))
     ${ids === 'all' ? '' : 'WHERE s.id = ANY($1::uuid[])'}`,
    ids === 'all' ? [] : [ids],
  );
}
