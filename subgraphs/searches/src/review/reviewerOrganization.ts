import { firewallPolicy, type Principal } from '@amparo/schema';
import { isUuid } from '../isUuid.js';

/**
 * The organisation whose match candidates a principal may review: a
 * caseworker's or consular official's own, and only theirs. Family members
 * hold the same searches:write scope, so the role is checked here; a
 * dedicated 'searches:review' scope would let the gateway hide these fields
 * from them altogether (see README).
 */
export function reviewerOrganization(principal: Principal): string | null {
  if (!firewallPolicy(principal)) return null;
  if (principal.role !== 'caseworker' && principal.role !== 'consular') return null;
  return principal.org && isUuid(principal.org) ? principal.org : null;
}
