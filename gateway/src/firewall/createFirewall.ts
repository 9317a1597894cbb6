import { specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';
import { firewallPolicy, isAllowed, type Principal } from '@amparo/schema';
import { buildPolicyIndex, type PolicyIndex } from '../supergraph/policyIndex.js';
import { KnownRootOperationRule } from './knownRootOperationRule.js';
import { projectSchema } from './projectSchema.js';

const RULES = [...specifiedRules, KnownRootOperationRule];

export interface Firewall {
  /** The schema this principal may see; cached per role and firewall outcome. */
  projectionFor(principal: Principal): GraphQLSchema;
  /** Validates against the principal's projection, without "Did you mean…" hints. */
  validate(principal: Principal, document: DocumentNode): readonly GraphQLError[];
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
  const projectionFor = (principal: Principal) => {
    const key = `${principal.role}:${firewallPolicy(principal) ? 'open' : 'closed'}`;
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
    validate: (principal, document) =>
      validate(projectionFor(principal), document, RULES, { hideSuggestions: true, maxErrors: 20 }),
  };
}
