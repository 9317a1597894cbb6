import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { dummyLiteral } from './minimalSelection.js';

/** Reads choices from a tape of integers (fast-check shrinks the tape). */
class Tape {
  #i = 0;
  constructor(readonly values: readonly number[]) {}
  next(bound: number): number {
    if (bound <= 0) return 0;
    const v = this.values[this.#i++ % Math.max(1, this.values.length)] ?? 0;
    return v % bound;
  }
}

/**
 * Builds a random operation over `schema` — aliases, named fragments, inline
 * fragments on interfaces and unions, nested entities, variables — from a
 * tape of choices. Used to throw the whole supergraph at the firewall (F1).
 */
export function randomOperation(
  schema: GraphQLSchema,
  values: readonly number[],
): { query: string; variables: Record<string, unknown> } {
  const tape = new Tape(values);
  const fragments: string[] = [];
  const variables: Record<string, unknown> = {};
  const variableDefs: string[] = [];
  let aliasCount = 0;

  const argumentsFor = (field: GraphQLField<unknown, unknown>): string => {
    const parts: string[] = [];
    for (const arg of field.args) {
      const required = arg.type.toString().endsWith('!');
      if (!required && tape.next(3) !== 0) continue;
      if (tape.next(2) === 0 && isLeafType(getNamedType(arg.type))) {
        const name = `v${variableDefs.length}`;
        variableDefs.push(`$${name}: ${arg.type.toString()}`);
        const named = getNamedType(arg.type);
        variables[name] = isEnumType(named)
          ? named.getValues()[0]?.name
          : named.name === 'Int'
            ? tape.next(50) + 1
            : named.name === 'Float'
              ? 1.5
              : named.name === 'Boolean'
                ? false
                : '00000000-0000-4000-8000-000000000000';
        parts.push(`${arg.name}: $${name}`);
      } else {
        parts.push(`${arg.name}: ${dummyLiteral(arg.type)}`);
      }
    }
    return parts.length ? `(${parts.join(', ')})` : '';
  };

  const selectionFor = (type: GraphQLNamedType, depth: number): string => {
    if (isLeafType(type)) return '';
    if (isAbstractType(type)) {
      const possible = schema.getPossibleTypes(type);
      const picks = possible.filter(() => tape.next(2) === 0);
      const inline = (picks.length ? picks : possible.slice(0, 1)).map(
        (t) => `... on ${t.name} ${selectionFor(t, depth)}`,
      );
      return `{ __typename ${inline.join(' ')} }`;
    }
    const object = type as GraphQLObjectType;
    const fields = Object.values(object.getFields());
    const count = 1 + tape.next(Math.min(4, fields.length));
    const chosen: string[] = [];
    for (let i = 0; i < count; i++) {
      const field = fields[tape.next(fields.length)] as GraphQLField<unknown, unknown>;
      const named = getNamedType(field.type);
      if (!isLeafType(named) && depth >= 4) continue;
      const alias = tape.next(4) === 0 ? `a${aliasCount++}: ` : '';
      chosen.push(`${alias}${field.name}${argumentsFor(field)} ${selectionFor(named, depth + 1)}`);
    }
    if (tape.next(4) === 0 && (isObjectType(object) || isInterfaceType(object) || isUnionType(object))) {
      const name = `F${fragments.length}`;
      fragments.push(`fragment ${name} on ${object.name} { __typename ${chosen[0] ?? ''} }`);
      chosen.push(`...${name}`);
    }
    return `{ ${chosen.length ? chosen.join(' ') : '__typename'} }`;
  };

  const query = schema.getQueryType() as GraphQLObjectType;
  const roots = Object.values(query.getFields());
  const rootCount = 1 + tape.next(3);
  const selections: string[] = [];
  for (let i = 0; i < rootCount; i++) {
    const field = roots[tape.next(roots.length)] as GraphQLField<unknown, unknown>;
    selections.push(`r${i}: ${field.name}${argumentsFor(field)} ${selectionFor(getNamedType(field.type), 1)}`);
  }
  const defs = variableDefs.length ? `(${variableDefs.join(', ')})` : '';
  return { query: `query Probe${defs} { ${selections.join(' ')} } ${fragments.join(' ')}`, variables };
}
