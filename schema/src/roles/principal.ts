import type { Role } from './roles.js';
import type { Scope } from './scopes.js';

/**
 * Who is asking. Built by the gateway from a verified bearer token and handed
 * to subgraphs inside the signed internal token.
 */
export interface Principal {
  /** Subject of the token; `anonymous` for `public`. Never a name or e-mail. */
  readonly sub: string;
  readonly role: Role;
  /** Organisation the principal acts for, when the role belongs to one. */
  readonly org: string | null;
  /** Kind of that organisation; `IMMIGRATION_ENFORCEMENT` closes the firewall. */
  readonly orgKind: string | null;
  readonly scopes: readonly Scope[];
  /** The OAuth client the token was issued to (`azp`/`client_id`), when known. */
  readonly client?: string | null;
}

export const ANONYMOUS: Principal = Object.freeze({
  sub: 'anonymous',
  role: 'public',
  org: null,
  orgKind: null,
  scopes: Object.freeze(['catalogue:read', 'statistics:read'] as Scope[]),
});
