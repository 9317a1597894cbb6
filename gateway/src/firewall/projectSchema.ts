import {
  Kind,
  buildASTSchema,
  parse,
  printSchema,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLSchema,
  type InputValueDefinitionNode,
  type TypeNode,
} from 'graphql';
import type { AccessRequirement } from '@amparo/schema';
import { combine, requirementFor, type PolicyIndex } from '../supergraph/policyIndex.js';

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

type Named = DefinitionNode & { name: { value: string } };

/**
 * The API schema as one kind of principal may see it (F2): every field whose
 * SECURITY requirement the principal does not meet is removed, then every type
 * left without fields, every field that returns a removed type and every type
 * no longer reachable from a root. Validation, introspection and error
 * messages for that principal all come from this schema, so a hidden field is
 * indistinguishable from one that never existed.
 */
export function projectSchema(
  apiSchema: GraphQLSchema,
  index: PolicyIndex,
  allows: (requirement: AccessRequirement) => boolean,
): GraphQLSchema {
  const definitions = new Map<string, Named>();
  for (const def of parse(printSchema(apiSchema)).definitions) {
    if ('name' in def && def.name) definitions.set(def.name.value, def as Named);
  }
  const typeRequirement = (name: string) => requirementFor(index, name);
  const fieldAllowed = (typeName: string, field: FieldDefinitionNode) =>
    allows(
      combine(
        combine(requirementFor(index, `${typeName}.${field.name.value}`), typeRequirement(typeName)),
        typeRequirement(namedType(field.type)),
      ),
    );
  const exists = (name: string) => BUILT_IN_SCALARS.has(name) || definitions.has(name);
  const argsExist = (args: readonly InputValueDefinitionNode[] | undefined) =>
    (args ?? []).every((a) => exists(namedType(a.type)));

  // First pass: the policy. Then prune to a fixpoint: removals cascade.
  let firstPass = true;
  let changed = true;
  while (changed) {
    changed = false;
    for (const [name, def] of definitions) {
      if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
        const fields = (def.fields ?? []).filter(
          (f) => (!firstPass || fieldAllowed(name, f)) && exists(namedType(f.type)) && argsExist(f.arguments),
        );
        const interfaces = (def.interfaces ?? []).filter((i) => definitions.has(i.name.value));
        if (fields.length !== (def.fields ?? []).length || interfaces.length !== (def.interfaces ?? []).length) {
          changed = true;
          if (fields.length === 0) definitions.delete(name);
          else definitions.set(name, { ...def, fields, interfaces } as Named);
        }
      } else if (def.kind === Kind.UNION_TYPE_DEFINITION) {
        const types = (def.types ?? []).filter((t) => definitions.has(t.name.value));
        if (types.length !== (def.types ?? []).length) {
          changed = true;
          if (types.length === 0) definitions.delete(name);
          else definitions.set(name, { ...def, types } as Named);
        }
      } else if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
        const fields = (def.fields ?? []).filter((f) => exists(namedType(f.type)));
        if (fields.length !== (def.fields ?? []).length) {
          changed = true;
          if (fields.length === 0) definitions.delete(name);
          else definitions.set(name, { ...def, fields } as Named);
        }
      }
    }
    if (firstPass) changed = true;
    firstPass = false;
  }

  // Keep only what a principal can reach from the roots (and implementations of reached interfaces).
  const reachable = new Set<string>();
  const visit = (name: string) => {
    if (reachable.has(name) || !definitions.has(name)) return;
    reachable.add(name);
    const def = definitions.get(name) as Named;
    if (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
      for (const f of def.fields ?? []) {
        visit(namedType(f.type));
        for (const a of f.arguments ?? []) visit(namedType(a.type));
      }
      for (const i of def.interfaces ?? []) visit(i.name.value);
      if (def.kind === Kind.INTERFACE_TYPE_DEFINITION) {
        for (const other of definitions.values()) {
          if (other.kind === Kind.OBJECT_TYPE_DEFINITION && other.interfaces?.some((i) => i.name.value === name)) {
            visit(other.name.value);
          }
        }
      }
    } else if (def.kind === Kind.UNION_TYPE_DEFINITION) {
      for (const t of def.types ?? []) visit(t.name.value);
    } else if (def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) {
      for (const f of def.fields ?? []) visit(namedType(f.type));
    }
  };
  for (const root of ['Query', 'Mutation', 'Subscription']) visit(root);
  if (!reachable.has('Query')) {
    throw new Error('invariant failed: every principal can reach at least one Query field');
  }
  const kept = [...definitions.values()].filter(
    (d) => reachable.has(d.name.value) || d.kind === Kind.DIRECTIVE_DEFINITION,
  );
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: kept };
  return buildASTSchema(document, { assumeValidSDL: false });
}
