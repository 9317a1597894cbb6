export { interpretersSubgraph } from './definition.js';
