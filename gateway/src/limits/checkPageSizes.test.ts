import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkPageSizes } from './checkPageSizes.js';

describe('page-size cap', () => {
  it('accepts sizes within the cap', () => {
    expect(checkPageSizes(parse('{ services(first: 100) { totalCount } }'), {}, 100)).toBeNull();
  });

  it('refuses a size passed through a variable', () => {
    expect(checkPageSizes(parse('query ($n: Int) { services(first: $n) { totalCount } }'), { n: 10_000 }, 100)).toEqual(
      {
        argument: 'first',
        value: 10_000,
      },
    );
  });

  it('refuses other page-size names, nested and in fragments', () => {
    const doc = parse('{ a { ...F } } fragment F on T { b(limit: 5000) { c } }');
    expect(checkPageSizes(doc, {}, 100)?.argument).toBe('limit');
  });
});
