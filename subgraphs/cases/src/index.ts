export { casesSubgraph } from './definition.js';
