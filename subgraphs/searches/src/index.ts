export { searchesSubgraph } from './definition.js';
