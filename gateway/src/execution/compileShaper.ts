import {
  isCompositeType,
  isCustomScalarType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  Variable,
  type Field,
  type FragmentElement,
  type NamedType,
  type Operation,
  type Schema,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import { GraphQLError } from 'graphql';

/**
 * The result shaping of @apollo/gateway (`computeResponse` in its
 * resultShaping.js), compiled once per operation instead of interpreted on
 * every request: the same walk over the merged subgraph data — @skip and
 * @include, type conditions, __typename, aliases, null propagation, leaf
 * checks, the same errors at the same paths — but with the operation's
 * selections, directives and types read off federation-internals' model
 * once, where Apollo's walk reads them through that library's getters on
 * every object of every answer (a fifth of the gateway's CPU on a deep
 * query). `compileShaper.test.ts` holds the two to the same output on
 * random operations and random data.
 */
export type Shaper = (
  input: Record<string, unknown> | null | undefined,
  variables: Record<string, unknown>,
) => { data: Record<string, unknown> | null | undefined; errors: GraphQLError[] };

type JsonObject = Record<string, unknown>;
type Path = (string | number)[];

/** @skip(if:) / @include(if:), as a constant or a variable read per request. */
type Condition = { readonly variable: string; readonly skipWhen: boolean } | { readonly constant: boolean };

interface FieldStep {
  readonly kind: 'field';
  readonly responseName: string;
  readonly conditions: readonly Condition[];
  readonly typename: boolean;
  readonly introspection: boolean;
  readonly shape: Shape | null;
}

interface FragmentStep {
  readonly kind: 'fragment';
  readonly conditions: readonly Condition[];
  /** Runtime type names the fragment applies to; null when it has no type condition. */
  readonly appliesTo: ReadonlySet<string> | null;
  readonly typeCondition: string | null;
  readonly steps: readonly Step[];
}

type Step = FieldStep | FragmentStep;

/** A field's type, unwrapped; `selection` says whether it ends in a composite with a selection. */
type Shape = { readonly selection: boolean } & (
  | { readonly kind: 'nonNull'; readonly of: Shape; readonly inner: string }
  | { readonly kind: 'list'; readonly of: Shape; readonly printed: string }
  | { readonly kind: 'composite'; readonly name: string; readonly steps: readonly Step[] | null }
  | { readonly kind: 'leaf'; readonly name: string; readonly valid: (value: unknown) => boolean }
);

interface Run {
  readonly variables: JsonObject;
  readonly errors: GraphQLError[];
}

const OK = 0;
const NULL_BUBBLE_UP = 1;
const INTEGER = /^-?(?:0|[1-9][0-9]*)$/;
const TYPENAME = '__typename';

/** The kinds of the schema's named types, for __typename values sent by subgraphs. */
class TypeKinds {
  readonly #kinds = new Map<string, { composite: boolean; object: boolean }>();
  readonly #subtypes = new Map<string, ReadonlySet<string>>();

  constructor(readonly schema: Schema) {
    for (const type of schema.types()) {
      this.#kinds.set(type.name, { composite: isCompositeType(type), object: isObjectType(type) });
    }
    for (const type of schema.builtInTypes()) {
      this.#kinds.set(type.name, { composite: isCompositeType(type), object: isObjectType(type) });
    }
  }

  kind(name: string): { composite: boolean; object: boolean } | undefined {
    return this.#kinds.get(name);
  }

  /** Names of the composite types T with isSubtype(condition, T): the condition itself, its members and implementers. */
  subtypesOf(condition: NamedType): ReadonlySet<string> {
    let names = this.#subtypes.get(condition.name);
    if (!names) {
      const found = new Set<string>();
      for (const type of this.schema.types()) {
        if (isCompositeType(type) && isSubtype(condition, type)) found.add(type.name);
      }
      names = found;
      this.#subtypes.set(condition.name, names);
    }
    return names;
  }
}

const kindsBySchema = new WeakMap<Schema, TypeKinds>();

function typeKindsOf(schema: Schema): TypeKinds {
  let kinds = kindsBySchema.get(schema);
  if (!kinds) {
    kinds = new TypeKinds(schema);
    kindsBySchema.set(schema, kinds);
  }
  return kinds;
}

export function compileShaper(operation: Operation): Shaper {
  const schema = operation.schema();
  const kinds = typeKindsOf(schema);
  const skip = schema.skipDirective();
  const include = schema.includeDirective();
  const defaults = operation.collectDefaultedVariableValues() as JsonObject;

  const conditionsOf = (element: Field | FragmentElement): Condition[] => {
    const conditions: Condition[] = [];
    for (const [directive, skipWhen] of [
      [skip, true],
      [include, false],
    ] as const) {
      const applied = element.appliedDirectivesOf(directive)[0];
      if (!applied) continue;
      const value = (applied.arguments() as { if?: unknown }).if;
      conditions.push(
        value instanceof Variable
          ? { variable: value.name, skipWhen }
          : { constant: skipWhen ? value === true : value !== true },
      );
    }
    return conditions;
  };

  const leafCheck = (type: NamedType): ((value: unknown) => boolean) => {
    if (isCustomScalarType(type)) return () => true;
    const isBoolean = type === schema.booleanType();
    const isInt = type === schema.intType();
    const isId = type === schema.idType();
    const isFloat = type === schema.floatType();
    const enumValues = isEnumType(type) ? new Set(type.values.map((v) => v.name)) : null;
    return (value) => {
      if (typeof value === 'boolean') return isBoolean;
      if (typeof value === 'number' && Number.isFinite(value)) {
        return isInt || isId ? INTEGER.test(String(value)) : isFloat;
      }
      if (typeof value === 'string') return enumValues ? enumValues.has(value) : !(isBoolean || isInt || isFloat);
      return false;
    };
  };

  const shapeOf = (type: Type, selectionSet: SelectionSet | undefined): Shape => {
    if (isNonNullType(type)) {
      const of = shapeOf(type.ofType, selectionSet);
      return { kind: 'nonNull', of, inner: type.ofType.toString(), selection: of.selection };
    }
    if (isListType(type)) {
      const of = shapeOf(type.ofType, selectionSet);
      return { kind: 'list', of, printed: type.toString(), selection: of.selection };
    }
    if (isCompositeType(type)) {
      const steps = selectionSet ? compileSet(selectionSet) : null;
      return { kind: 'composite', name: type.name, steps, selection: steps !== null };
    }
    return { kind: 'leaf', name: type.name, valid: leafCheck(type as NamedType), selection: false };
  };

  const compileSet = (selectionSet: SelectionSet): Step[] =>
    selectionSet.selections().map((selection): Step => {
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        const typename = field.name === TYPENAME;
        const introspection = field.definition.isSchemaIntrospectionField();
        return {
          kind: 'field',
          responseName: field.responseName(),
          conditions: conditionsOf(field),
          typename,
          introspection,
          shape: typename || introspection ? null : shapeOf(field.definition.type as Type, selection.selectionSet),
        };
      }
      const fragment = selection.element;
      const condition = fragment.typeCondition;
      return {
        kind: 'fragment',
        conditions: conditionsOf(fragment),
        appliesTo: condition ? kinds.subtypesOf(condition) : null,
        typeCondition: condition?.name ?? null,
        steps: compileSet(selection.selectionSet),
      };
    });

  const rootType = schema.schemaDefinition.rootType(operation.rootKind);
  if (!rootType) throw new Error(`invariant failed: the schema has no ${operation.rootKind} type`);
  const rootName = rootType.name;
  const root = compileSet(operation.selectionSet);

  const skipped = (conditions: readonly Condition[], run: Run): boolean => {
    for (const condition of conditions) {
      if ('constant' in condition) {
        if (condition.constant) return true;
        continue;
      }
      const value = Object.hasOwn(run.variables, condition.variable)
        ? run.variables[condition.variable]
        : defaults[condition.variable];
      if (typeof value !== 'boolean') {
        throw new Error(`invariant failed: variable $${condition.variable} of @skip/@include is not a boolean`);
      }
      if (value === condition.skipWhen) return true;
    }
    return false;
  };

  const describe = (path: Path, type: string, parent: string): string => {
    const last = path[path.length - 1];
    return typeof last === 'string' ? `field ${parent}.${last}` : `array element of type ${type} at index ${last}`;
  };

  const invalid = (message: string, path: Path) =>
    new GraphQLError(message, { path: [...path], extensions: { code: 'INVALID_GRAPHQL' } });

  function applySteps(
    input: JsonObject,
    steps: readonly Step[],
    output: JsonObject,
    run: Run,
    path: Path,
    parent: string,
  ): number {
    for (const step of steps) {
      if (step.conditions.length > 0 && skipped(step.conditions, run)) continue;
      if (step.kind === 'field') {
        const name = step.responseName;
        const outputValue = output[name];
        if (step.introspection) {
          if (outputValue === undefined) throw new Error('invariant failed: introspection inside a planned operation');
          continue;
        }
        let inputValue = Object.hasOwn(input, name) ? (input[name] ?? null) : null;
        if (step.typename) {
          if (outputValue === undefined) {
            if (inputValue === null && name !== TYPENAME) inputValue = input[TYPENAME] ?? null;
            const named = typeof inputValue === 'string' && kinds.kind(inputValue) ? inputValue : parent;
            if (!kinds.kind(named)?.object) return NULL_BUBBLE_UP;
            output[name] = named;
          }
          continue;
        }
        path.push(name);
        const result = update(outputValue, step.shape as Shape, inputValue, run, path, parent);
        output[name] = result.updated;
        path.pop();
        if (result.invalid) return NULL_BUBBLE_UP;
      } else {
        const typename = input[TYPENAME];
        if (typename && typeof typename !== 'string') {
          throw new Error(`invariant failed: unexpected value for __typename: ${String(typename)}`);
        }
        const applies =
          step.appliesTo === null || (typename ? step.appliesTo.has(typename as string) : step.appliesTo.has(parent));
        if (
          applies &&
          applySteps(input, step.steps, output, run, path, step.typeCondition ?? parent) === NULL_BUBBLE_UP
        ) {
          return NULL_BUBBLE_UP;
        }
      }
    }
    return OK;
  }

  interface Updated {
    readonly updated: unknown;
    readonly invalid?: boolean;
    readonly hasErrors?: boolean;
  }

  function update(
    outputValue: unknown,
    shape: Shape,
    inputValue: unknown,
    run: Run,
    path: Path,
    parent: string,
  ): Updated {
    if (outputValue === null || (outputValue !== undefined && !shape.selection)) return { updated: outputValue };
    switch (shape.kind) {
      case 'nonNull': {
        const inner = update(outputValue, shape.of, inputValue, run, path, parent);
        if (inner.updated === null) {
          if (!inner.hasErrors) {
            run.errors.push(
              invalid(`Cannot return null for non-nullable ${describe(path, shape.inner, parent)}.`, path),
            );
          }
          return { updated: null, invalid: true, hasErrors: true };
        }
        return { updated: inner.updated };
      }
      case 'list': {
        if (inputValue === null) return { updated: null };
        if (!Array.isArray(inputValue)) {
          throw new Error(
            `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${shape.printed}`,
          );
        }
        if (outputValue !== undefined && (!Array.isArray(outputValue) || outputValue.length !== inputValue.length)) {
          throw new Error(`invariant failed: list of ${shape.printed} merged with a list of another length`);
        }
        const previous = outputValue as unknown[] | undefined;
        let nullify = false;
        let hasErrors = false;
        const updated = new Array<unknown>(inputValue.length);
        for (let i = 0; i < inputValue.length; i += 1) {
          path.push(i);
          const element = update(previous?.[i], shape.of, inputValue[i], run, path, parent);
          path.pop();
          nullify ||= element.invalid === true;
          hasErrors ||= element.hasErrors === true;
          updated[i] = element.updated;
        }
        return { updated: nullify ? null : updated, hasErrors };
      }
      case 'composite': {
        if (inputValue === null) return { updated: null };
        if (typeof inputValue !== 'object' || shape.steps === null) {
          throw new Error(
            `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${shape.name}`,
          );
        }
        const object = inputValue as JsonObject;
        const typename = object[TYPENAME];
        if (typename !== undefined && typeof typename !== 'string') {
          throw new Error(`Invalid non-string value ${String(typename)} for __typename at ${path.join(',')}`);
        }
        let runtime = shape.name;
        if (typename) {
          if (!kinds.kind(typename)?.composite) {
            run.errors.push(
              invalid(`Invalid __typename found for object at ${describe(path, shape.name, parent)}.`, path),
            );
            return { updated: null, hasErrors: true };
          }
          runtime = typename;
        }
        const output = (outputValue ?? Object.create(null)) as JsonObject;
        const failed = applySteps(object, shape.steps, output, run, path, runtime) === NULL_BUBBLE_UP;
        return { updated: failed ? null : output, hasErrors: failed };
      }
      case 'leaf': {
        if (inputValue === null) return { updated: null };
        if (outputValue !== undefined) throw new Error(`invariant failed: leaf ${shape.name} answered twice`);
        const valid = shape.valid(inputValue);
        if (!valid) run.errors.push(invalid(`Invalid value found for ${describe(path, shape.name, parent)}.`, path));
        return { updated: valid ? inputValue : null, hasErrors: !valid };
      }
    }
  }

  return (input, variables) => {
    if (!input) return { data: input, errors: [] };
    const run: Run = { variables, errors: [] };
    const data = Object.create(null) as JsonObject;
    const result = applySteps(input, root, data, run, [], rootName);
    return { data: result === NULL_BUBBLE_UP ? null : data, errors: run.errors };
  };
}
