export { ALL_SUBGRAPHS, startFederation, type Federation, type GraphQLResponse } from './startFederation.js';
