import { firewallPolicy, type Principal } from '@amparo/schema';
import { isUuid } from '../isUuid.js';

/** The one column and value that limit which search requests a principal sees. */
export interface RequestVisibility {
  readonly column: 'requester_sub' | 'handling_organization_id';
  readonly value: string;
}

/**
 * Row-level access to search requests (issue 7, "a family member sees only
 * her own searches"): a `family` principal sees the requests she opened, a
 * caseworker or consular official those her organisation handles, anyone
 * else none (null). The firewall and the scope are checked again here, so a
 * resolver reached without the field-level check — `_entities` goes through
 * a union that carries no directives — still returns nothing.
 */
export function requestVisibility(principal: Principal): RequestVisibility | null {
  if (!firewallPolicy(principal) || !principal.scopes.includes('searches:read')) return null;
  if (principal.role === 'family') {
    return principal.sub && principal.sub !== 'anonymous' ? { column: 'requester_sub', value: principal.sub } : null;
  }
  if (principal.role === 'caseworker' || principal.role === 'consular') {
    // A malformed org claim must mean "sees nothing", not a SQL cast error.
    return principal.org && isUuid(principal.org) ? { column: 'handling_organization_id', value: principal.org } : null;
  }
  return null;
}
