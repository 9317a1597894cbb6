export { servicesSubgraph } from './definition.js';
