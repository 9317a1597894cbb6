import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSupergraph } from '@amparo/schema';
import { buildApiSchema } from '../supergraph/buildApiSchema.js';
import { createImmutableOperations } from './immutableOperations.js';

// Amparo's own committed supergraph: the decision must hold for the real schema, not a miniature.
const supergraphSdl = readSupergraph();
const operations = createImmutableOperations(buildApiSchema(supergraphSdl), supergraphSdl);
const immutable = (query: string, operationName: string | null = null) =>
  operations.isImmutable(parse(query), operationName);

const TABLE = `query Table($id: ID!) {
  statisticsRelease(id: $id) {
    id period method { epsilon }
    table(measure: CASES_OPENED, dimensions: [COUNTRY]) { cells { key { dimension code } value suppressed lower upper } }
  }
}`;

describe('which operations have answers that never change', () => {
  it('a published release by id, its method and its tables, through fragments and __typename', () => {
    expect(immutable(TABLE)).toBe(true);
    expect(
      immutable(`query { statisticsRelease(id: "r") { ...R __typename } }
        fragment R on StatisticsRelease { tables { measure dimensions } publishedAt replaces }`),
    ).toBe(true);
  });

  it('not the list of releases or the latest release: they change when one is published', () => {
    expect(immutable('{ statisticsReleases { edges { node { id } } } }')).toBe(false);
    expect(immutable('{ latestStatisticsRelease(period: "2026-01") { id } }')).toBe(false);
  });

  it('not when another root field rides along, even a public one', () => {
    expect(immutable('{ statisticsRelease(id: "r") { id } services(first: 1) { totalCount } }')).toBe(false);
  });

  it('not a mutation, even of statistics', () => {
    expect(immutable('mutation { publishStatisticsRelease(input: { period: "2026-01", extracts: [] }) { id } }')).toBe(
      false,
    );
  });

  it('picks the operation by name; an ambiguous document is not immutable', () => {
    const two = `query A { statisticsRelease(id: "r") { id } } query B { statisticsReleases { totalCount } }`;
    expect(immutable(two, 'A')).toBe(true);
    expect(immutable(two, 'B')).toBe(false);
    expect(immutable(two, null)).toBe(false);
    expect(immutable(two, 'C')).toBe(false);
  });

  it('a fragment that selects another subgraph makes the whole document not immutable', () => {
    expect(
      immutable(`query { statisticsRelease(id: "r") { id } }
        fragment S on Query { services(first: 1) { totalCount } }`),
    ).toBe(false);
  });
});
