import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { stripSecurityPurpose } from './stripSecurityPurpose.js';

/** The supergraph as Apollo's libraries model it, validated (a broken composition must not start). */
export function buildSupergraph(supergraphSdl: string): Supergraph {
  return Supergraph.build(stripSecurityPurpose(supergraphSdl), { validateSupergraph: true });
}

/** The API schema clients see (before any per-role projection), from a supergraph. */
export function buildApiSchema(supergraphSdl: string): GraphQLSchema {
  return buildSupergraph(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
