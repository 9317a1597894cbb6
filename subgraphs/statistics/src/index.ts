export { statisticsSubgraph } from './definition.js';
