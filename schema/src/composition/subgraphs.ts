/**
 * The five subgraphs, their default ports (ARCHITECTURE.md "Default ports")
 * and where their SDL lives, relative to the repository root.
 */
export const SUBGRAPHS = [
  { name: 'services', port: 4001, sdl: 'subgraphs/services/schema.graphql' },
  { name: 'cases', port: 4002, sdl: 'subgraphs/cases/schema.graphql' },
  { name: 'interpreters', port: 4003, sdl: 'subgraphs/interpreters/schema.graphql' },
  { name: 'searches', port: 4004, sdl: 'subgraphs/searches/schema.graphql' },
  { name: 'statistics', port: 4005, sdl: 'subgraphs/statistics/schema.graphql' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
