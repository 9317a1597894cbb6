import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { stripSecurityPurpose } from './stripSecurityPurpose.js';

/** The API schema clients see (before any per-role projection), from a supergraph. */
export function buildApiSchema(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(stripSecurityPurpose(supergraphSdl)).apiSchema().toGraphQLJSSchema();
}
