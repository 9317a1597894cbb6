import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * Whether the client's selection on this field's result includes `name`
 * directly or through fragments. Conditional selections (@include, @skip)
 * count as selected: computing a field for nothing is safe, leaving it out is not.
 */
export function selectsField(info: Info, name: string): boolean {
  return selectsPath(info, [name]);
}

/** Like {@link selectsField}, for a field nested below this one (`['edges', 'node', 'openNow']`). */
export function selectsPath(info: Info, path: readonly string[]): boolean {
  const within = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === 'Field') {
        if (selection.name.value !== path[depth]) return false;
        return depth === path.length - 1 || within(selection.selectionSet, depth + 1, new Set());
      }
      if (selection.kind === 'InlineFragment') return within(selection.selectionSet, depth, seen);
      const fragment = selection.name.value;
      if (seen.has(fragment)) return false;
      seen.add(fragment);
      return within(info.fragments[fragment]?.selectionSet, depth, seen);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet, 0, new Set()));
}
