import { GraphQLError, type ValidationContext, type ASTVisitor } from 'graphql';

/**
 * graphql-js leaves "this schema has no mutation type" to execution, after
 * validation has passed. A role whose projection has no Mutation must be
 * stopped here, before the query planner (which knows the full schema) plans it.
 */
export function KnownRootOperationRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const schema = context.getSchema();
      const root =
        node.operation === 'query'
          ? schema.getQueryType()
          : node.operation === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) {
        context.reportError(
          new GraphQLError(`Schema is not configured to execute ${node.operation} operation.`, { nodes: node }),
        );
      }
    },
  };
}
