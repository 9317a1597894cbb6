import {
  ENFORCEMENT_ORG_KINDS,
  INTERNAL_TOKEN_HEADER,
  scopesForRole,
  type InternalSigner,
  type Principal,
} from '@amparo/schema';

/** The registry could not be asked; the request fails closed rather than guess. */
export class OrganizationRegistryUnavailable extends Error {
  override readonly name = 'OrganizationRegistryUnavailable';
}

const QUERY = 'query AmparoOrganizationKind($id: ID!) { organization(id: $id) { kind } }';
const SYSTEM: Principal = {
  sub: 'amparo-gateway',
  role: 'admin',
  org: null,
  orgKind: null,
  scopes: scopesForRole('admin'),
};
const TTL_MS = 60_000;

/**
 * The firewall closes for staff of an immigration-enforcement organisation
 * "whatever its token claims": so the kind is read from the organisation
 * registry (the services subgraph), not only from the `org_kind` claim. If
 * either says enforcement, it is enforcement. Cached briefly per organisation.
 */
export function createOrganizationKindResolver(servicesUrl: string, sign: InternalSigner) {
  const cache = new Map<string, { kind: string | null; until: number }>();
  const lookup = async (org: string): Promise<string | null> => {
    const hit = cache.get(org);
    if (hit && hit.until > Date.now()) return hit.kind;
    const body = JSON.stringify({ query: QUERY, variables: { id: org } });
    const token = await sign(
      { principal: SYSTEM, requestId: 'org-kind', operationName: 'AmparoOrganizationKind', operationHash: null },
      'services',
      body,
    );
    let kind: string | null;
    try {
      const response = await fetch(servicesUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: token },
        body,
        signal: AbortSignal.timeout(3_000),
      });
      const json = (await response.json()) as { data?: { organization: { kind: string } | null }; errors?: unknown[] };
      if (!response.ok || json.errors) throw new Error('registry answered with errors');
      kind = json.data?.organization?.kind ?? null;
    } catch {
      throw new OrganizationRegistryUnavailable('organisation registry unavailable');
    }
    cache.set(org, { kind, until: Date.now() + TTL_MS });
    return kind;
  };
  return async (principal: Principal): Promise<Principal> => {
    if (!principal.org) return principal;
    const registered = await lookup(principal.org);
    const claimed = principal.orgKind;
    const orgKind =
      (registered && ENFORCEMENT_ORG_KINDS.has(registered)) || !claimed || !ENFORCEMENT_ORG_KINDS.has(claimed)
        ? (registered ?? claimed)
        : claimed;
    return orgKind === principal.orgKind ? principal : { ...principal, orgKind };
  };
}
