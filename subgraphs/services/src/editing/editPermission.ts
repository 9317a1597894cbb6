import { type AmparoError, badUserInput, forbidden, notFound, type Queryable } from '@amparo/kit';
import type { Principal } from '@amparo/schema';

export const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * Who may write a service of `organizationId`: an admin, or a caseworker of
 * that very organisation. The directives already demand catalogue:write;
 * this is the row-level rule (defence in depth).
 */
export function assertMayEdit(principal: Principal, organizationId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'caseworker' && principal.org !== null && principal.org === organizationId) return;
  throw forbidden('only staff of the organisation that provides this service may change it');
}

/** The organisation a new service belongs to; enforcement bodies never publish in the catalogue. */
export async function organizationForNewService(
  tx: Queryable,
  principal: Principal,
  requested: string | null | undefined,
): Promise<string> {
  const id = requested ?? principal.org;
  if (!id) throw badUserInput('input.organizationId', 'is required');
  if (!isUuid(id)) throw badUserInput('input.organizationId', 'is not an organisation id');
  assertMayEdit(principal, id);
  const [org] = await tx.query<{ kind: string }>('SELECT kind FROM organizations WHERE id = $1', [id]);
  if (!org) throw badUserInput('input.organizationId', 'no such organisation');
  if (org.kind === 'IMMIGRATION_ENFORCEMENT' || principal.orgKind === 'IMMIGRATION_ENFORCEMENT')
    throw forbidden('this organisation cannot publish services');
  return id;
}

export function staleVersion(current: number): AmparoError {
  return badUserInput(
    'expectedVersion',
    'the service changed since you read it; reload it and apply your change again',
    {
      reason: 'STALE_VERSION',
      currentVersion: current,
    },
  );
}

export { notFound };
