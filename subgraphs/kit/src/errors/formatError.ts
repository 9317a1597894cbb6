import { GraphQLError } from 'graphql';
import { AmparoError } from './AmparoError.js';

/**
 * Turns anything thrown inside a resolver into a GraphQL error that carries
 * a code from the catalogue and nothing internal: no stack, no SQL, no URL.
 * Returns the original error for logging as `cause` (logged without values).
 */
export function toSafeGraphQLError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (original instanceof AmparoError) {
    return new GraphQLError(original.message, {
      path: error.path,
      extensions: { ...original.extensions, code: original.code },
    });
  }
  if (!original || original instanceof GraphQLError) {
    // graphql-js validation and coercion errors: they describe the request, not us.
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'BAD_USER_INPUT';
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: { code },
    });
  }
  return new GraphQLError('Internal server error', { path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
