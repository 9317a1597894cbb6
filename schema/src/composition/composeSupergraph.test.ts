import { describe, expect, it } from 'vitest';
import { composeSupergraph } from './composeSupergraph.js';
import { readSupergraph } from './supergraphFile.js';

describe('supergraph composition', () => {
  const report = composeSupergraph();

  it('composes the five subgraphs without errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('raises no hint we have not accepted', () => {
    expect(report.hints).toEqual([]);
  });

  it('matches the committed schema/supergraph.graphql (run `npm run compose` after changing an SDL)', () => {
    expect(readSupergraph()).toBe(report.supergraphSdl);
  });
});
