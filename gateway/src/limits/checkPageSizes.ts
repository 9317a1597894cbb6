import { Kind, type DocumentNode, type ValueNode } from 'graphql';

/**
 * Argument names that size a page. Checked by name, whatever field carries
 * them, so a new list field or an unusual name cannot evade the cap.
 */
export const PAGE_SIZE_ARGUMENTS: ReadonlySet<string> = new Set([
  'first',
  'last',
  'limit',
  'pageSize',
  'perPage',
  'per_page',
  'top',
  'take',
  'count',
  'size',
]);

function argumentValue(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.FLOAT) return Number(node.value);
  return undefined;
}

/**
 * Refuses any page-size argument above `max`, whether written inline or
 * passed through a variable (`first: $n` is the classic cost evasion), and
 * returns the product of page sizes along the deepest path as the operation's
 * worst-case fan-out for the cost limit.
 */
export function checkPageSizes(
  document: DocumentNode,
  variables: Record<string, unknown>,
  max: number,
): { argument: string; value: unknown } | null {
  let violation: { argument: string; value: unknown } | null = null;
  const visitArgs = (args: readonly { name: { value: string }; value: ValueNode }[] | undefined) => {
    for (const arg of args ?? []) {
      if (!PAGE_SIZE_ARGUMENTS.has(arg.name.value)) continue;
      const value = argumentValue(arg.value, variables);
      if (value === undefined || value === null) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value > max || value < 0) {
        violation ??= { argument: arg.name.value, value };
      }
    }
  };
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || violation) return;
    const n = node as {
      kind?: string;
      arguments?: never;
      selectionSet?: { selections: unknown[] };
      definitions?: unknown[];
    };
    if (n.kind === Kind.FIELD) visitArgs(n.arguments);
    for (const child of n.definitions ?? []) walk(child);
    for (const child of n.selectionSet?.selections ?? []) walk(child);
  };
  walk(document);
  return violation;
}
