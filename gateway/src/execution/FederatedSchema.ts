import type { Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { buildSupergraph } from '../supergraph/buildApiSchema.js';

/**
 * Everything the gateway derives once from the static supergraph: the API
 * schema clients validate against, the supergraph schema entity data is
 * typed by, and Apollo's query planner over it.
 */
export interface FederatedSchema {
  /** What clients see before any per-role projection (graphql-js). */
  readonly apiSchema: GraphQLSchema;
  /** The same API schema as federation-internals models it (operations are built on it). */
  readonly apiModel: Schema;
  /** The whole supergraph, for type conditions in entity representations and rewrites. */
  readonly supergraphSchema: GraphQLSchema;
  readonly planner: QueryPlanner;
  /** Subgraph names the supergraph declares. */
  readonly subgraphNames: readonly string[];
}

export function loadFederatedSchema(supergraphSdl: string): FederatedSchema {
  const supergraph = buildSupergraph(supergraphSdl);
  const apiModel = supergraph.apiSchema();
  return {
    apiSchema: apiModel.toGraphQLJSSchema(),
    apiModel,
    supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
    planner: new QueryPlanner(supergraph),
    subgraphNames: supergraph.subgraphsMetadata().map((s) => s.name),
  };
}
