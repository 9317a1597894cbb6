import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql';

/** What the SECURITY directives demand of one field, after merging field- and type-level ones. */
export interface Requirement {
  readonly authenticated: boolean;
  /** OR of ANDs, as in `@requiresScopes(scopes: [[…]])`; null when not declared. */
  readonly scopes: readonly (readonly string[])[] | null;
  readonly policies: readonly (readonly string[])[] | null;
}

/** `Type.field` → requirement; also `Type` → the type-level requirement. */
export type PolicyIndex = ReadonlyMap<string, Requirement>;

const NONE: Requirement = { authenticated: false, scopes: null, policies: null };

function listOfLists(value: ConstValueNode | undefined): string[][] {
  if (!value || value.kind !== Kind.LIST) return [];
  return value.values.map((inner) =>
    inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [],
  );
}

/** Several declarations must all hold: AND every alternative of one with every one of the other. */
function and(a: readonly (readonly string[])[] | null, b: readonly (readonly string[])[] | null) {
  if (a === null) return b;
  if (b === null) return a;
  return a.flatMap((x) => b.map((y) => [...x, ...y]));
}

export function combine(a: Requirement, b: Requirement): Requirement {
  if (a === NONE) return b;
  if (b === NONE) return a;
  return {
    authenticated: a.authenticated || b.authenticated,
    scopes: and(a.scopes, b.scopes),
    policies: and(a.policies, b.policies),
  };
}

function fromDirectives(directives: readonly ConstDirectiveNode[] | undefined): Requirement {
  let requirement = NONE;
  for (const d of directives ?? []) {
    const arg = d.arguments?.[0]?.value;
    if (d.name.value === 'authenticated') requirement = combine(requirement, { ...NONE, authenticated: true });
    if (d.name.value === 'requiresScopes') requirement = combine(requirement, { ...NONE, scopes: listOfLists(arg) });
    if (d.name.value === 'policy') requirement = combine(requirement, { ...NONE, policies: listOfLists(arg) });
  }
  return requirement;
}

/**
 * Reads `@authenticated`, `@requiresScopes` and `@policy` out of the composed
 * supergraph: the one place authorization is declared (the subgraphs' SDL,
 * merged by composition).
 */
export function buildPolicyIndex(supergraphSdl: string): PolicyIndex {
  const index = new Map<string, Requirement>();
  for (const def of parse(supergraphSdl).definitions) {
    if (
      def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      def.kind !== Kind.SCALAR_TYPE_DEFINITION &&
      def.kind !== Kind.ENUM_TYPE_DEFINITION
    ) {
      continue;
    }
    const typeRequirement = fromDirectives(def.directives);
    if (typeRequirement !== NONE) index.set(def.name.value, typeRequirement);
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const field of def.fields ?? []) {
        const fieldRequirement = fromDirectives(field.directives);
        if (fieldRequirement !== NONE) index.set(`${def.name.value}.${field.name.value}`, fieldRequirement);
      }
    }
  }
  return index;
}

export function requirementFor(index: PolicyIndex, key: string): Requirement {
  return index.get(key) ?? NONE;
}
