import {
  BREAK,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * Root fields whose answer never changes once given: a published statistics
 * release and its cells are immutable (the statistics subgraph's triggers
 * refuse UPDATE and DELETE on releases and cells), and a release id is only
 * ever given to one release.
 */
const IMMUTABLE_ROOT_FIELDS: ReadonlySet<string> = new Set(['statisticsRelease']);

/** The subgraph whose types may appear below an immutable root field. */
const IMMUTABLE_GRAPH = 'STATISTICS';

/** Decides, once per document, whether an operation's answer may be kept and served again. */
export interface ImmutableOperations {
  /**
   * True when the operation is a query whose every root field is in
   * IMMUTABLE_ROOT_FIELDS and whose every other selected field belongs to a
   * type only the statistics subgraph defines. Anything else — a mutation,
   * a field of another subgraph joined in, a list of releases that grows —
   * is false.
   */
  isImmutable(document: DocumentNode, operationName: string | null): boolean;
}

/** Object types whose only `@join__type` is the statistics subgraph, read from the supergraph. */
function typesOwnedOnlyBy(graph: string, supergraphSdl: string): ReadonlySet<string> {
  const owned = new Set<string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const graphs = new Set(
      (definition.directives ?? [])
        .filter((d) => d.name.value === 'join__type')
        .flatMap((d) => d.arguments ?? [])
        .filter((a) => a.name.value === 'graph' && a.value.kind === Kind.ENUM)
        .map((a) => (a.value.kind === Kind.ENUM ? a.value.value : '')),
    );
    if (graphs.size === 1 && graphs.has(graph)) owned.add(definition.name.value);
  }
  return owned;
}

function chosenOperation(document: DocumentNode, operationName: string | null): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName === null) return operations.length === 1 ? operations[0] : undefined;
  return operations.find((o) => o.name?.value === operationName);
}

export function createImmutableOperations(apiSchema: GraphQLSchema, supergraphSdl: string): ImmutableOperations {
  const ownedTypes = typesOwnedOnlyBy(IMMUTABLE_GRAPH, supergraphSdl);
  const queryType = apiSchema.getQueryType()?.name;
  return {
    isImmutable(document, operationName) {
      const operation = chosenOperation(document, operationName);
      if (operation?.operation !== 'query') return false;
      const typeInfo = new TypeInfo(apiSchema);
      let immutable = true;
      // The operation and every fragment it may spread: fragments are checked
      // wherever they are defined, which can only make the answer "no".
      const checked: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
      };
      visit(
        checked,
        visitWithTypeInfo(typeInfo, {
          Field(node) {
            if (node.name.value === '__typename') return;
            const parent = typeInfo.getParentType()?.name;
            const allowed =
              parent === queryType
                ? IMMUTABLE_ROOT_FIELDS.has(node.name.value)
                : parent !== undefined && ownedTypes.has(parent);
            if (allowed) return undefined;
            immutable = false;
            return BREAK;
          },
        }),
      );
      return immutable;
    },
  };
}
