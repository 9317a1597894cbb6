import { describe, expect, it } from 'vitest';
import { buildSchema, operationFromDocument, type Operation, type Schema } from '@apollo/federation-internals';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { readSupergraph } from '@amparo/schema';
import { compileShaper } from './compileShaper.js';
import { loadFederatedSchema } from './FederatedSchema.js';

/**
 * compileShaper must answer exactly as @apollo/gateway's computeResponse:
 * same data (key order included), same errors at the same paths, and a throw
 * where it throws. Both run on random operations (aliases, inline and named
 * fragments on interfaces and unions, @skip/@include by constant and
 * variable, __typename) and random subgraph data (nulls, missing keys,
 * wrong leaf values, unknown or lying __typename, wrong shapes).
 */

const SYNTHETIC = `
  scalar JSON
  enum Color { RED GREEN }
  interface Node { id: ID! }
  interface Named implements Node { id: ID! name: String }
  type User implements Node & Named {
    id: ID! name: String age: Int score: Float active: Boolean! color: Color meta: JSON
    friends: [User!] best: User! tags: [String]! pets: [Pet!]! matrix: [[Int!]]
  }
  type Dog implements Node & Named { id: ID! name: String barks: Boolean! owner: User }
  type Cat implements Node & Named { id: ID! name: String lives: Int! friend: Named }
  union Pet = Dog | Cat
  type Query { me: User node(id: ID!): Node nodes: [Node]! pets: [Pet!] user: User! search: [Named!]! }
`;

/** mulberry32: a small seeded generator, so a failure names the seed that reproduces it. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    below: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Random = ReturnType<typeof random>;

function literalFor(type: GraphQLInputType): string | null {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name ?? null;
  if (isInputObjectType(named)) return null;
  if (isListType(type) || (isNonNullType(type) && isListType(type.ofType))) return null;
  return named.name === 'Int' || named.name === 'Float' ? '1' : named.name === 'Boolean' ? 'true' : '"x"';
}

function randomOperation(schema: GraphQLSchema, rnd: Random): string {
  const fragments: string[] = [];
  let aliases = 0;
  const directive = () =>
    rnd.chance(0.75)
      ? ''
      : rnd.pick([
          ' @skip(if: $s)',
          ' @include(if: $i)',
          ' @skip(if: false)',
          ' @include(if: false)',
          ' @skip(if: true)',
        ]);
  const argumentsOf = (field: GraphQLField<unknown, unknown>): string | null => {
    const parts: string[] = [];
    for (const arg of field.args) {
      if (!isNonNullType(arg.type)) continue;
      const literal = literalFor(arg.type);
      if (literal === null) return null;
      parts.push(`${arg.name}: ${literal}`);
    }
    return parts.length > 0 ? `(${parts.join(', ')})` : '';
  };
  const selection = (type: GraphQLCompositeType, depth: number): string => {
    const parts: string[] = [];
    if (rnd.chance(0.3)) parts.push(`${rnd.chance(0.3) ? `t${aliases++}: ` : ''}__typename${directive()}`);
    if (isAbstractType(type)) {
      for (const possible of schema.getPossibleTypes(type)) {
        if (rnd.chance(0.6)) parts.push(`... on ${possible.name}${directive()} ${selection(possible, depth + 1)}`);
      }
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      const fields = Object.values(type.getFields());
      const count = 1 + rnd.below(Math.min(5, fields.length));
      for (let i = 0; i < count; i += 1) {
        const field = rnd.pick(fields);
        const args = argumentsOf(field);
        if (args === null) continue;
        const alias = args !== '' || rnd.chance(0.3) ? `a${aliases++}: ` : '';
        const named = getNamedType(field.type);
        const sub = isCompositeType(named) ? ` ${depth < 4 ? selection(named, depth + 1) : '{ __typename }'}` : '';
        parts.push(`${alias}${field.name}${args}${directive()}${sub}`);
      }
      if (depth < 3 && rnd.chance(0.15)) {
        const name = `F${fragments.length}`;
        fragments.push(`fragment ${name} on ${type.name} ${selection(type, depth + 1)}`);
        parts.push(`...${name}${directive()}`);
      }
    }
    if (rnd.chance(0.1)) parts.push(`... @include(if: $i) { __typename }`);
    if (parts.length === 0) parts.push('__typename');
    return `{ ${parts.join(' ')} }`;
  };
  const query = schema.getQueryType();
  if (!query) throw new Error('no query type');
  const body = selection(query, 0);
  return `query Q($s: Boolean!, $i: Boolean!) { ...Root } fragment Root on Query ${body} ${fragments.join(' ')}`;
}

/** Data as subgraphs might merge it for `operation`, with faults sprinkled in. */
function randomData(schema: GraphQLSchema, operation: Operation, rnd: Random): Record<string, unknown> {
  const leaf = (type: GraphQLNamedType): unknown => {
    if (rnd.chance(0.05)) return rnd.pick<unknown>(['x', 1.5, 7, true, 'PURPLE', { a: 1 }]);
    if (isEnumType(type)) return rnd.pick(type.getValues()).name;
    switch (type.name) {
      case 'Int':
        return rnd.below(100);
      case 'Float':
        return rnd.below(100) / 4;
      case 'Boolean':
        return rnd.chance(0.5);
      case 'ID':
        return rnd.chance(0.2) ? rnd.below(50) : `id${rnd.below(50)}`;
      default:
        return `s${rnd.below(50)}`;
    }
  };
  const value = (type: GraphQLOutputType, selections: SelectionsLike | undefined): unknown => {
    if (rnd.chance(0.06)) return null;
    if (isNonNullType(type)) return value(type.ofType, selections);
    if (isListType(type)) {
      if (rnd.chance(0.02)) return 'not a list';
      return Array.from({ length: rnd.below(4) }, () => value(type.ofType, selections));
    }
    const named = getNamedType(type);
    if (isCompositeType(named)) {
      if (rnd.chance(0.02)) return 42;
      const runtime = isAbstractType(named) ? rnd.pick(schema.getPossibleTypes(named)) : named;
      return object(runtime.name, selections);
    }
    return leaf(named);
  };
  type SelectionsLike = ReturnType<Operation['selectionSet']['selections']>;
  const object = (typename: string, selections: SelectionsLike | undefined): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    if (!rnd.chance(0.1)) {
      result.__typename = rnd.chance(0.03) ? rnd.pick(['Bogus', 'String', 'Query', 'Node']) : typename;
    }
    for (const selection of selections ?? []) {
      if (selection.kind === 'FieldSelection') {
        const field = selection.element;
        if (field.name === '__typename' || rnd.chance(0.05)) continue;
        const type = schema.getType(field.definition.parent.name);
        const definition =
          type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[field.name] : undefined;
        if (!definition) continue;
        result[field.responseName()] = value(definition.type, selection.selectionSet?.selections());
      } else {
        const condition = selection.element.typeCondition?.name;
        if (!condition || condition === typename || rnd.chance(0.2)) {
          Object.assign(result, object(typename, selection.selectionSet.selections()));
        }
      }
    }
    return result;
  };
  return object('Query', operation.selectionSet.selections());
}

function outcome(
  run: () => {
    data: unknown;
    errors: readonly { message: string; path?: readonly unknown[] | undefined; extensions?: Record<string, unknown> }[];
  },
) {
  try {
    const { data, errors } = run();
    return {
      data: JSON.stringify(data),
      errors: errors.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code })),
    };
  } catch {
    return { threw: true };
  }
}

function compare(model: Schema, graphqlSchema: GraphQLSchema, seed: number, datasets: number): number {
  const rnd = random(seed);
  const text = randomOperation(graphqlSchema, rnd);
  const document = parse(text);
  if (validate(graphqlSchema, document).length > 0) return 0;
  const operation = operationFromDocument(model, document, { validate: false });
  const shape = compileShaper(operation);
  for (let d = 0; d < datasets; d += 1) {
    const input = randomData(graphqlSchema, operation, rnd);
    const variables = { s: rnd.chance(0.5), i: rnd.chance(0.5) };
    const theirs = outcome(() =>
      computeResponse({
        operation,
        variables,
        input,
        introspectionHandling: () => {
          throw new Error('no introspection here');
        },
      }),
    );
    const ours = outcome(() => shape(input, variables));
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
      expect({ seed, dataset: d, text, input, ours }).toEqual({ seed, dataset: d, text, input, ours: theirs });
    }
  }
  return 1;
}

describe('compileShaper answers as @apollo/gateway computeResponse', () => {
  it('on a schema of interfaces, unions, enums, nested lists and a custom scalar', () => {
    const model = buildSchema(SYNTHETIC);
    const graphqlSchema = model.toGraphQLJSSchema();
    let compared = 0;
    for (let seed = 1; seed <= 600; seed += 1) compared += compare(model, graphqlSchema, seed, 6);
    // Invalid random documents are skipped; most must have been compared.
    expect(compared).toBeGreaterThan(400);
  });

  it("on Amparo's own API schema", () => {
    const federated = loadFederatedSchema(readSupergraph());
    let compared = 0;
    for (let seed = 1; seed <= 300; seed += 1) compared += compare(federated.apiModel, federated.apiSchema, seed, 4);
    expect(compared).toBeGreaterThan(150);
  });

  it('passes leaf values of known shape untouched and keeps the first write of an aliased twin', () => {
    const model = buildSchema(SYNTHETIC);
    const operation = operationFromDocument(
      model,
      parse('query { me { id color n: name ...on User { n: name age } } }'),
      { validate: false },
    );
    const result = compileShaper(operation)(
      { me: { __typename: 'User', id: 'u1', color: 'RED', n: 'Ana', age: 30 } },
      {},
    );
    expect(JSON.stringify(result.data)).toBe('{"me":{"id":"u1","color":"RED","n":"Ana","age":30}}');
    expect(result.errors).toEqual([]);
  });
});
