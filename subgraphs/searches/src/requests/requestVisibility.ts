import { firewallPolicy, type Principal } from '@amparo/schema';
import { isUuid } from '../isUuid.js';

/** The one column and value that limit which search requests a principal sees. */
export interface RequestVisibility {
  readonly column: 'requester_sub' | 'handling_organization_id';
  readonly value: string;
  /** Also the searches involving a country the organisation partners on (consular, cross-border). */
  readonly partners?: true;
}

/**
 * Row-level access to search requests (issue 7, "a family member sees only
 * her own searches"): a `family` principal sees the requests she opened, a
 * caseworker or consular official those her organisation handles — and a
 * consular official also those involving a country her consulate partners
 * on (`partner_organizations`) — anyone else none (null). The firewall and
 * the scope are checked again here, so a resolver reached without the
 * field-level check — `_entities` goes through a union that carries no
 * directives — still returns nothing.
 */
export function requestVisibility(principal: Principal): RequestVisibility | null {
  if (!firewallPolicy(principal) || !principal.scopes.includes('searches:read')) return null;
  if (principal.role === 'family') {
    return principal.sub && principal.sub !== 'anonymous' ? { column: 'requester_sub', value: principal.sub } : null;
  }
  if (principal.role === 'caseworker' || principal.role === 'consular') {
    // A malformed org claim must mean "sees nothing", not a SQL cast error.
    if (!principal.org || !isUuid(principal.org)) return null;
    return principal.role === 'consular'
      ? { column: 'handling_organization_id', value: principal.org, partners: true }
      : { column: 'handling_organization_id', value: principal.org };
  }
  return null;
}

/**
 * The SQL condition for `visibility`, with `param` the placeholder holding
 * its value. Column names come from the closed set above, never from input.
 */
export function visibilityClause(visibility: RequestVisibility, param: string): string {
  if (visibility.column === 'requester_sub') return `requester_sub = ${param}`;
  const own = `handling_organization_id = ${param}::uuid`;
  return visibility.partners
    ? `(${own} OR countries_involved && ARRAY(SELECT country FROM partner_organizations WHERE organization_id = ${param}::uuid))`
    : own;
}
