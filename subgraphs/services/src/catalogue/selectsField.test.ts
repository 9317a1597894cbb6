import { type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode, Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsField, selectsPath } from './selectsField.js';

/** The resolve info of the operation's first root field, as graphql-js builds it. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectsField (is totalCount asked for?)', () => {
  it('sees a direct, aliased, inline-fragment or named-fragment selection', () => {
    for (const query of [
      '{ services { totalCount edges { cursor } } }',
      '{ services { n: totalCount } }',
      '{ services { ... on ServiceConnection { totalCount } } }',
      '{ services { ...Counted } } fragment Counted on ServiceConnection { edges { cursor } ...Inner } fragment Inner on ServiceConnection { totalCount }',
      '{ services { totalCount @include(if: false) } }',
    ])
      expect(selectsField(infoOf(query), 'totalCount'), query).toBe(true);
  });

  it('is false when only the page is asked for, even with totalCount deeper down', () => {
    for (const query of [
      '{ services { edges { cursor node { id } } pageInfo { hasNextPage } } }',
      '{ services { edges { node { organization { services { totalCount } } } } } }',
      '{ services { ...Page } } fragment Page on ServiceConnection { edges { cursor } }',
    ])
      expect(selectsField(infoOf(query), 'totalCount'), query).toBe(false);
  });
});

describe('selectsPath (is a field of each service asked for?)', () => {
  const path = ['edges', 'node', 'openNow'];

  it('follows the path through aliases and fragments at every level', () => {
    for (const query of [
      '{ services { edges { node { openNow } } } }',
      '{ services { e: edges { n: node { o: openNow } } } }',
      '{ services { ...E } } fragment E on ServiceConnection { edges { ...N } } fragment N on ServiceEdge { node { ... on Service { openNow } } }',
      '{ services { edges { node { id } } edges { node { openNow @skip(if: true) } } } }',
    ])
      expect(selectsPath(infoOf(query), path), query).toBe(true);
  });

  it('is false for the same name elsewhere on the path', () => {
    for (const query of [
      '{ services { edges { node { id organization { name } } } } }',
      '{ services { edges { openNow: cursor } } }',
      '{ services { edges { node { organization { services { openNow } } } } } }',
    ])
      expect(selectsPath(infoOf(query), path), query).toBe(false);
  });
});
