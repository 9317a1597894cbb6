import { firewallPolicy, type Principal } from '@amparo/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The organisation whose cases `principal` may read, or null when she may
 * read none. Only a caseworker of an organisation reads its cases
 * (ARCHITECTURE.md "Identity, roles and the firewall"); the firewall and the
 * scope are checked again here although the kit already enforces the SDL
 * directives, so that one mistake in the SDL does not open the cases (F3).
 */
export function readableOrganization(principal: Principal): string | null {
  if (!firewallPolicy(principal)) return null;
  if (principal.role !== 'caseworker' || !principal.scopes.includes('cases:read')) return null;
  return principal.org !== null && UUID.test(principal.org) ? principal.org : null;
}
