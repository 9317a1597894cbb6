import { operationFromDocument, type Operation } from '@apollo/federation-internals';
import type { QueryPlan } from '@apollo/query-planner';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { compileShaper, type Shaper } from './compileShaper.js';
import type { FederatedSchema } from './FederatedSchema.js';

/**
 * An operation ready to run: chosen from its document, planned, and modelled
 * for result shaping. Built once per document text and operation name and
 * kept with the parsed document, so a repeated query costs neither planning
 * nor rebuilding federation-internals' model of it (@apollo/gateway rebuilt
 * that model on every request).
 */
export interface PreparedOperation {
  readonly definition: OperationDefinitionNode;
  readonly plan: QueryPlan;
  /** The operation as federation-internals models it: plan conditions read it. */
  readonly model: Operation;
  /** Shapes the merged subgraph data into the client's answer. */
  readonly shape: Shaper;
}

/** The operation to run cannot be chosen from the document (a client error). */
export class OperationChoiceError extends Error {
  override readonly name = 'OperationChoiceError';
}

function chooseOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName !== null) {
    const named = operations.find((o) => o.name?.value === operationName);
    if (!named) throw new OperationChoiceError(`the document has no operation named "${operationName}"`);
    return named;
  }
  if (operations.length === 1 && operations[0]) return operations[0];
  throw new OperationChoiceError(
    operations.length === 0
      ? 'the document holds no operation'
      : 'the document holds several operations; name the one to run in "operationName"',
  );
}

export function prepareOperation(
  schema: FederatedSchema,
  document: DocumentNode,
  operationName: string | null,
): PreparedOperation {
  const definition = chooseOperation(document, operationName);
  if (definition.operation === 'subscription') {
    throw new OperationChoiceError('subscriptions are not supported');
  }
  // The document was validated against the caller's projection (a subset of the API schema) before this.
  const build = () =>
    operationFromDocument(schema.apiModel, document, { operationName: operationName ?? undefined, validate: false });
  // The planner gets its own model: nothing promises it leaves the one it is given as it was.
  const plan = schema.planner.buildQueryPlan(build());
  const model = build();
  return { definition, plan, model, shape: compileShaper(model) };
}
