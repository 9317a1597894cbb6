import { SeededRandom } from '@amparo/kit';
import { graphqlData, requireData } from '../graphqlAnswer.js';
import { operation, type LatencyWorkload } from '../domainWorkload.js';

const RELEASES = `{ statisticsReleases(first: 100) { totalCount edges { node { id period tables { measure dimensions } } } } }`;
const QUERY = `query StatisticsTable($id: ID!, $measure: Measure!, $dimensions: [Dimension!]!) {
  statisticsRelease(id: $id) {
    id period periodType
    method { threshold confidenceLevel }
    table(measure: $measure, dimensions: $dimensions) {
      measure dimensions
      cells { key { dimension code } value suppressed lower upper }
    }
  }
}`;

interface Releases {
  statisticsReleases: {
    totalCount: number;
    edges: { node: { id: string; period: string; tables: { measure: string; dimensions: string[] }[] } }[];
  };
}
interface Answer {
  statisticsRelease: {
    id: string;
    table: {
      measure: string;
      dimensions: string[];
      cells: {
        key: unknown[];
        value: number | null;
        suppressed: boolean;
        lower: number | null;
        upper: number | null;
      }[];
    };
  } | null;
}

/**
 * A published statistics table read anonymously (a government developer
 * needs no token: `public`): one of the fixed tables of one of the seeded
 * releases, drawn at random. Releases are immutable, so besides its shape
 * every answer must equal the first answer to the same table.
 */
export const statisticsTable: LatencyWorkload = {
  name: 'statistics-table',
  description: 'statistics table from a release (statisticsRelease.table, public, no token)',
  targetP95Ms: 20,
  subgraphs: ['statistics'],
  async prepare({ post }) {
    const { status, text } = await post(RELEASES);
    const releases = requireData<Releases>('listing the statistics releases', status, text).statisticsReleases.edges;
    const tables = releases.flatMap(({ node }) =>
      node.tables.map((t) => ({ id: node.id, measure: t.measure, dimensions: t.dimensions })),
    );
    if (tables.length === 0) throw new Error('the statistics subgraph published no table');
    const first = new Map<string, string>();
    const random = new SeededRandom('domain-bench:statistics');
    return {
      dataset: { releases: releases.length, publishedTables: tables.length },
      next() {
        const table = random.pick(tables);
        const key = `${table.id} ${table.measure} ${table.dimensions.join(',')}`;
        return {
          body: operation(QUERY, table),
          check(status, text) {
            const answer = graphqlData<Answer>(status, text);
            if ('problem' in answer) return answer.problem;
            const release = answer.data.statisticsRelease;
            if (!release || release.id !== table.id) return 'another release than the one asked for';
            const { cells, dimensions, measure } = release.table;
            if (measure !== table.measure || cells.length === 0) return 'wrong or empty table';
            for (const cell of cells) {
              if (cell.key.length !== dimensions.length) return 'cell key does not follow the dimensions';
              if (cell.suppressed !== (cell.value === null)) return 'suppressed cell with a value, or the reverse';
              if (cell.value !== null && (cell.lower === null || cell.upper === null || cell.lower > cell.upper)) {
                return 'published cell without a valid interval';
              }
            }
            const data = JSON.stringify(answer.data);
            const seen = first.get(key);
            if (seen === undefined) first.set(key, data);
            else if (seen !== data) return 'an immutable release answered differently';
            return null;
          },
        };
      },
    };
  },
};
