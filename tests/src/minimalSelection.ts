import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';

/** A literal that type-checks for `type` (required input fields filled in). */
export function dummyLiteral(type: GraphQLInputType, depth = 0): string {
  if (isNonNullType(type)) return dummyLiteral(type.ofType, depth);
  if (isListType(type)) return `[${dummyLiteral(type.ofType, depth)}]`;
  if (isEnumType(type)) return type.getValues()[0]?.name ?? 'null';
  if (isInputObjectType(type)) {
    if (depth > 4) return '{}';
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return `{ ${fields.map((f) => `${f.name}: ${dummyLiteral(f.type, depth + 1)}`).join(', ')} }`;
  }
  switch (type.name) {
    case 'Int':
      return '1';
    case 'Float':
      return '1.5';
    case 'Boolean':
      return 'false';
    case 'ID':
      return '"00000000-0000-4000-8000-000000000000"';
    default:
      return '"x"';
  }
}

function requiredArguments(args: readonly GraphQLArgument[]): string {
  const required = args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length ? `(${required.map((a) => `${a.name}: ${dummyLiteral(a.type)}`).join(', ')})` : '';
}

/**
 * The smallest selection of one field: its required arguments with dummy
 * values and `{ __typename }` when it returns an object. With `skip`, the
 * field is validated but never executed (safe for mutations).
 */
export function minimalSelection(field: GraphQLField<unknown, unknown>, skip = false): string {
  const leaf = isLeafType(getNamedType(field.type));
  return `${field.name}${requiredArguments(field.args)}${skip ? ' @skip(if: true)' : ''}${leaf ? '' : ' { __typename }'}`;
}
