import type { Queryable } from '@amparo/kit';

/**
 * Makes the rest of the transaction run its prepared statements on their
 * generic plans. PostgreSQL otherwise kept planning the matching statements
 * anew on every execution: their generic plan's estimate (an array of
 * blocking keys of unknown length) never beats the custom plans', so
 * pg_prepared_statements showed 50 custom plans and no generic one after 50
 * searches, and the planning sat in every bind (0.8 ms on average for the
 * blocking read under load). The generic plans have the same shape as the
 * custom ones (index-only blocking read, GIN lookups on search_requests,
 * trigram GIN for the fallback), since every statement here is an index
 * lookup by key with bounded sorts. SET LOCAL: it ends with the transaction.
 * Call it with the transaction's `tx`, never the database.
 */
export async function useGenericPlans(tx: Queryable): Promise<void> {
  if (onGenericPlans.has(tx)) return;
  await tx.query('SET LOCAL plan_cache_mode = force_generic_plan');
  onGenericPlans.add(tx);
}

/**
 * The transactions already set: a findability sync matches every record it
 * writes in one transaction, and would otherwise send the SET once per
 * record. The kit gives each transaction (each attempt of it) its own `tx`.
 */
const onGenericPlans = new WeakSet<Queryable>();
