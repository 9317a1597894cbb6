import type { Principal } from './principal.js';

/** Organisation kinds whose staff the firewall always refuses. */
export const ENFORCEMENT_ORG_KINDS: ReadonlySet<string> = new Set(['IMMIGRATION_ENFORCEMENT']);

/**
 * The `firewall` policy of ARCHITECTURE.md (seed 002 §1.1.9): it fails for
 * every principal whose role is `enforcement` or whose organisation is of an
 * enforcement kind, whatever scopes its token claims.
 */
export function firewallPolicy(principal: Principal): boolean {
  if (principal.role === 'enforcement') return false;
  if (principal.orgKind !== null && ENFORCEMENT_ORG_KINDS.has(principal.orgKind)) return false;
  return true;
}

/** Every policy name usable in `@policy`, with its evaluator. */
export const POLICIES: Readonly<Record<string, (principal: Principal) => boolean>> = Object.freeze({
  firewall: firewallPolicy,
});

/**
 * Evaluates a `@policy(policies: [[...]])` value: the outer list is OR, the
 * inner lists AND (the Federation semantics). An unknown policy name fails.
 */
export function satisfiesPolicies(principal: Principal, policies: readonly (readonly string[])[]): boolean {
  return policies.some((all) => all.every((name) => POLICIES[name]?.(principal) === true));
}

/** Evaluates `@requiresScopes(scopes: [[...]])` with the same OR-of-AND semantics. */
export function satisfiesScopes(principal: Principal, scopes: readonly (readonly string[])[]): boolean {
  const held = new Set<string>(principal.scopes);
  return scopes.some((all) => all.every((scope) => held.has(scope)));
}

/** The demand of the three SECURITY directives on one field. */
export interface AccessRequirement {
  readonly authenticated: boolean;
  readonly scopes: readonly (readonly string[])[] | null;
  readonly policies: readonly (readonly string[])[] | null;
}

/**
 * The one check both the gateway (projection, before planning) and the
 * subgraphs (again, inside the resolver) apply to a field.
 */
export function isAllowed(principal: Principal, requirement: AccessRequirement): boolean {
  if (requirement.authenticated && principal.role === 'public') return false;
  if (requirement.scopes && !satisfiesScopes(principal, requirement.scopes)) return false;
  if (requirement.policies && !satisfiesPolicies(principal, requirement.policies)) return false;
  return true;
}
