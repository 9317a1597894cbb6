import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkLimits } from './checkLimits.js';

const limits = { maxDepth: 5, maxAliases: 3, maxRootFields: 2, maxFields: 20, maxDirectives: 2 };
const check = (query: string) => checkLimits(parse(query), null, limits)?.limit ?? null;

describe('operation limits', () => {
  it('passes a modest operation', () => {
    expect(check('{ a { b { c } } }')).toBeNull();
  });

  it('counts depth through fragments and inline fragments', () => {
    expect(check('{ a { ...F } } fragment F on T { b { ... on U { c { d { e { f } } } } } }')).toBe('maxDepth');
  });

  it('counts __typename aliases like any alias', () => {
    expect(check('{ a { x: __typename y: __typename z: __typename w: __typename } }')).toBe('maxAliases');
  });

  it('limits root fields', () => {
    expect(check('{ a b c }')).toBe('maxRootFields');
  });

  it('expands a fragment each time it is spread (duplication)', () => {
    expect(check('{ a { ...F ...F ...F ...F ...F } } fragment F on T { b c d e f }')).toBe('maxFields');
  });

  it('limits directives (directive overloading)', () => {
    expect(check('{ a @skip(if: false) @include(if: true) @skip(if: false) }')).toBe('maxDirectives');
  });

  it('survives a fragment cycle', () => {
    expect(check('{ a { ...F } } fragment F on T { b { ...F } }')).toBeNull();
  });
});
