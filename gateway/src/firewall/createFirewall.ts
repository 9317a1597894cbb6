import { specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { firewallPolicy, isAllowed, type Principal } from '@amparo/schema';
import { buildPolicyIndex, type PolicyIndex } from '../supergraph/policyIndex.js';
import { BoundedCache } from '../cache/BoundedCache.js';
import { KnownRootOperationRule } from './knownRootOperationRule.js';
import { projectSchema } from './projectSchema.js';

const RULES = [...specifiedRules, KnownRootOperationRule];

export interface Firewall {
  /** The schema this principal may see; cached per role and firewall outcome. */
  projectionFor(principal: Principal): GraphQLSchema;
  /**
   * Validates against the principal's projection, without "Did you mean…"
   * hints. With a `cacheKey` (the operation text), the result is remembered
   * per projection: the same document is validated once per kind of principal.
   */
  validate(principal: Principal, document: DocumentNode, cacheKey?: string): readonly GraphQLError[];
  readonly policyIndex: PolicyIndex;
}

/**
 * Field-level authorization before planning. The projection depends only on
 * the role (scopes derive from it) and on whether the firewall policy passes,
 * so there are at most 2 × 10 projections, built once each.
 */
export function createFirewall(apiSchema: GraphQLSchema, supergraphSdl: string): Firewall {
  const policyIndex = buildPolicyIndex(supergraphSdl);
  const projections = new Map<string, GraphQLSchema>();
  const validations = new BoundedCache<string, readonly GraphQLError[]>(5_000);
  const keyOf = (principal: Principal) => `${principal.role}:${firewallPolicy(principal) ? 'open' : 'closed'}`;
  const projectionFor = (principal: Principal) => {
    const key = keyOf(principal);
    let schema = projections.get(key);
    if (!schema) {
      schema = projectSchema(apiSchema, policyIndex, (requirement) => isAllowed(principal, requirement));
      projections.set(key, schema);
    }
    return schema;
  };
  return {
    policyIndex,
    projectionFor,
    validate: (principal, document, cacheKey) => {
      const key = cacheKey === undefined ? undefined : `${keyOf(principal)}\n${cacheKey}`;
      const known = key === undefined ? undefined : validations.get(key);
      if (known) return known;
      const errors = validate(projectionFor(principal), document, RULES, { hideSuggestions: true, maxErrors: 20 });
      if (key !== undefined) validations.set(key, errors);
      return errors;
    },
  };
}
