import { notFound, type Queryable } from '@amparo/kit';
import { isUuid } from './isUuid.js';

/** What a write needs to know about the case it changes. */
export interface LockedCase {
  readonly id: string;
  readonly status: string;
  readonly birthDate: string | null;
  readonly estimatedAge: number | null;
}

/**
 * Locks one case of `organizationId` for the rest of the transaction. Another
 * organisation's case, a missing one and a malformed id all answer the same
 * NOT_FOUND (F2).
 */
export async function lockOwnedCase(tx: Queryable, id: string, organizationId: string | null): Promise<LockedCase> {
  if (organizationId === null || !isUuid(id)) throw notFound('case');
  const [row] = await tx.query<{ status: string; birth_date: string | null; estimated_age: number | null }>(
    'SELECT status, birth_date, estimated_age FROM cases WHERE id = $1::uuid AND organization_id = $2::uuid FOR UPDATE',
    [id, organizationId],
  );
  if (!row) throw notFound('case');
  return { id, status: row.status, birthDate: row.birth_date, estimatedAge: row.estimated_age };
}
