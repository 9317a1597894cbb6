import { describe, expect, it } from 'vitest';
import { operationHeads, selectOperation } from './operationKind.js';

describe('operationHeads', () => {
  it('finds the kind and name of each operation, skipping fragments, strings and comments', () => {
    const text = `
      # mutation InComment { x }
      query Search($query: String = "mutation Fake {") { services(filter: { text: $query }) { totalCount } }
      fragment F on Service { id }
      mutation Open($input: OpenCaseInput!) { openCase(input: $input) { id } }
    `;
    expect(operationHeads(text)).toEqual([
      { kind: 'query', name: 'Search' },
      { kind: 'mutation', name: 'Open' },
    ]);
  });

  it('treats the shorthand `{ … }` as an anonymous query', () => {
    expect(operationHeads('{ services { totalCount } }')).toEqual([{ kind: 'query', name: undefined }]);
  });

  it('selects by name, and refuses to guess among several', () => {
    const text = 'query A { a } mutation B { b }';
    expect(selectOperation(text, 'B')).toEqual({ kind: 'mutation', name: 'B' });
    expect(selectOperation(text)).toBeUndefined();
  });
});
