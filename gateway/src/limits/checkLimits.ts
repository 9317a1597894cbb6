import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxFields: number;
  readonly maxDirectives: number;
}

export interface LimitViolation {
  readonly limit: keyof OperationLimits;
  readonly message: string;
}

interface Tally {
  fields: number;
  aliases: number;
  directives: number;
  depth: number;
}

/**
 * Measures an operation before it is validated or planned, with fragments
 * expanded (a fragment spread twice counts twice), so no cheap-looking text
 * can hide an expensive request. `__typename` counts like any field: it is
 * the usual way around alias limits that only count "real" fields. A fragment
 * cycle stops the walk (validation reports it afterwards).
 */
export function checkLimits(
  document: DocumentNode,
  operationName: string | null | undefined,
  limits: OperationLimits,
): LimitViolation | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    if (def.kind === Kind.OPERATION_DEFINITION) operations.push(def);
  }
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
  if (!operation) return null; // graphql-js reports the missing operation in its own words.

  const tally: Tally = { fields: 0, aliases: 0, directives: operation.directives?.length ?? 0, depth: 0 };
  const over = () =>
    tally.fields > limits.maxFields ||
    tally.aliases > limits.maxAliases ||
    tally.directives > limits.maxDirectives ||
    tally.depth > limits.maxDepth;

  const walk = (set: SelectionSetNode, depth: number, inFragments: ReadonlySet<string>): void => {
    for (const selection of set.selections) {
      if (over()) return;
      tally.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        tally.fields += 1;
        if (selection.alias) tally.aliases += 1;
        tally.depth = Math.max(tally.depth, depth + 1);
        if (selection.selectionSet) walk(selection.selectionSet, depth + 1, inFragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, depth, inFragments);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !inFragments.has(name)) walk(fragment.selectionSet, depth, new Set([...inFragments, name]));
      }
    }
  };

  const roots = operation.selectionSet.selections.length;
  if (roots > limits.maxRootFields) {
    return {
      limit: 'maxRootFields',
      message: `operation selects ${roots} root fields; at most ${limits.maxRootFields} are allowed`,
    };
  }
  walk(operation.selectionSet, 0, new Set());
  if (tally.depth > limits.maxDepth) {
    return { limit: 'maxDepth', message: `operation is nested more than ${limits.maxDepth} levels deep` };
  }
  if (tally.aliases > limits.maxAliases) {
    return { limit: 'maxAliases', message: `operation uses more than ${limits.maxAliases} aliases` };
  }
  if (tally.fields > limits.maxFields) {
    return {
      limit: 'maxFields',
      message: `operation selects more than ${limits.maxFields} fields (fragments expanded)`,
    };
  }
  if (tally.directives > limits.maxDirectives) {
    return { limit: 'maxDirectives', message: `operation uses more than ${limits.maxDirectives} directives` };
  }
  return null;
}
