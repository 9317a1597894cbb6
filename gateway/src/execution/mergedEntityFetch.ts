import {
  Kind,
  parse,
  print,
  visit,
  type DefinitionNode,
  type FieldNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { FetchNode } from '@apollo/query-planner';

/** The response key of member `index`'s `_entities` in a merged fetch. */
export const memberKey = (index: number): string => `_${index}`;

/** The member whose `_entities` answered under response key `key`, or undefined. */
export function memberOf(key: string | number | undefined): number | undefined {
  const index = typeof key === 'string' ? /^_(\d+)$/.exec(key)?.[1] : undefined;
  return index === undefined ? undefined : Number(index);
}

/** The variable that carries member `index`'s representations in a merged fetch. */
export const representationsOf = (index: number): string => `representations_${index}`;

/** Names the merge gives variables of its own; a client variable so named keeps the fetches apart. */
const OWN_VARIABLE = /^representations(_\d+)?$/;

export interface MergedOperation {
  readonly query: string;
  readonly operationName: string;
}

/**
 * One subgraph operation that asks for every member fetch's entities at
 * once: each member's `_entities(representations: $representations)` under
 * its own alias (`_0`, `_1`…) and variable (`$representations_0`…), its
 * fragments renamed apart, the client's variables it uses declared once.
 *
 * Why: the query planner gives each path its own fetch even when a Parallel
 * node sends several to one subgraph at once (the case page sends four to
 * services: the case's organisation, the referrals' services, their
 * receiving organisations, the consents' organisations). Each costs a
 * signed token, an HTTP exchange and an execution; merged, the subgraph
 * also loads the same organisation type through one batch.
 *
 * Null when the members cannot be merged safely (a root field other than
 * `_entities`, a client variable declared with two types or named like the
 * merge's own): they are then sent one by one as planned.
 */
export function mergeEntityFetches(fetches: readonly FetchNode[]): MergedOperation | null {
  const variables = new Map<string, VariableDefinitionNode>();
  const fields: FieldNode[] = [];
  const fragments: DefinitionNode[] = [];
  for (const [index, fetch] of fetches.entries()) {
    if (fetch.variableUsages?.some((name) => OWN_VARIABLE.test(name))) return null;
    const renamed = visit(parse(fetch.operation, { noLocation: true }), {
      Variable: (node) =>
        node.name.value === 'representations'
          ? { ...node, name: { ...node.name, value: representationsOf(index) } }
          : node,
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}_${index}` } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: `${node.name.value}_${index}` } }),
    });
    const operations = renamed.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const [operation] = operations;
    if (operations.length !== 1 || !operation || operation.operation !== 'query') return null;
    const [root, ...others] = operation.selectionSet.selections;
    if (others.length > 0 || root?.kind !== Kind.FIELD || root.name.value !== '_entities' || root.alias) return null;
    fields.push({ ...root, alias: { kind: Kind.NAME, value: memberKey(index) } });
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      const known = variables.get(name);
      if (known && print(known.type) !== print(definition.type)) return null;
      variables.set(name, definition);
    }
    fragments.push(...renamed.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION));
  }
  const operationName = `${fetches[0]?.operationName ?? 'Entities'}__merged`;
  const merged: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions: [...variables.values()],
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections: fields },
  };
  return { query: print({ kind: Kind.DOCUMENT, definitions: [merged, ...fragments] }), operationName };
}
