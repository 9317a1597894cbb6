import { buildSchema, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scopesForRole, isAllowed, type Role } from '@amparo/schema';
import { buildPolicyIndex } from '../supergraph/policyIndex.js';
import { projectSchema } from './projectSchema.js';

// A miniature supergraph: directives as composition writes them.
const SUPERGRAPH = `
directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT
directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT
type Query {
  services: [Service!]!
  case(id: ID!): Case @policy(policies: [["firewall"]]) @requiresScopes(scopes: [["cases:read"]])
}
type Service { id: ID! name: String! }
type Case @policy(policies: [["firewall"]]) @requiresScopes(scopes: [["cases:read"]]) {
  id: ID!
  preferredName: String!
  status: CaseStatusInfo!
}
type CaseStatusInfo { reason: String }
`;
const api = buildSchema(`
type Query { services: [Service!]! case(id: ID!): Case }
type Service { id: ID! name: String! }
type Case { id: ID! preferredName: String! status: CaseStatusInfo! }
type CaseStatusInfo { reason: String }
`);
const index = buildPolicyIndex(SUPERGRAPH);
const projectionFor = (role: Role, orgKind: string | null = null) =>
  projectSchema(api, index, (r) => isAllowed({ sub: 's', role, org: null, orgKind, scopes: scopesForRole(role) }, r));

describe('per-role projection', () => {
  it('keeps case data for a caseworker', () => {
    expect(projectionFor('caseworker').getType('Case')).toBeDefined();
  });

  it('removes every trace of case data for enforcement, including types only cases reach', () => {
    const sdl = printSchema(projectionFor('enforcement'));
    expect(sdl).not.toMatch(/Case|preferredName|CaseStatusInfo/);
    expect(sdl).toMatch(/services/);
  });

  it('closes the firewall for staff of an immigration-enforcement organisation', () => {
    expect(projectionFor('caseworker', 'IMMIGRATION_ENFORCEMENT').getType('Case')).toBeUndefined();
  });
});
