import { Kind, parse, print, visit, type ArgumentNode } from 'graphql';

/**
 * @apollo/gateway refuses a supergraph whose `@link`s have `for: SECURITY`
 * (authenticated, requiresScopes, policy): it does not enforce them, so it
 * will not pretend to. Amparo enforces them itself (see policyIndex.ts), so
 * the gateway gets a copy whose links carry no purpose; the directives stay
 * in place and the planner ignores them.
 */
export function stripSecurityPurpose(supergraphSdl: string): string {
  const document = visit(parse(supergraphSdl), {
    Argument(node: ArgumentNode) {
      if (node.name.value === 'for' && node.value.kind === Kind.ENUM && node.value.value === 'SECURITY') return null;
      return undefined;
    },
  });
  return print(document);
}
