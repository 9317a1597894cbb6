import type { Principal } from '@amparo/schema';
import type { Queryable } from '@amparo/kit';
import {
  REQUEST_COLUMNS,
  toInterpretationRequest,
  type InterpretationRequest,
  type InterpretationRequestRow,
} from './requestRow.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Row-level rule: a caseworker sees her organisation's requests; a woman sees
 * the requests she made herself. Nobody else sees any.
 */
export function mayAccessRequest(principal: Principal, request: InterpretationRequest): boolean {
  if (principal.role === 'caseworker') return principal.org !== null && request.organizationId === principal.org;
  if (principal.role === 'migrant')
    return request.requestedByRole === 'migrant' && request.requestedBySub === principal.sub;
  return false;
}

/**
 * The request `id` if `principal` may see it, else null — a request she may
 * not see is indistinguishable from one that does not exist (F2).
 * `forUpdate` locks the row until the transaction ends.
 */
export async function loadAccessibleRequest(
  db: Queryable,
  principal: Principal,
  id: string,
  forUpdate = false,
): Promise<InterpretationRequest | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.query<InterpretationRequestRow>(
    `SELECT ${REQUEST_COLUMNS} FROM interpretation_requests WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) return null;
  const request = toInterpretationRequest(row);
  return mayAccessRequest(principal, request) ? request : null;
}

export const isUuid = (id: string) => UUID.test(id);
