export {
  ALL_SUBGRAPHS,
  startFederation,
  type Federation,
  type FederationOptions,
  type GraphQLResponse,
} from './startFederation.js';
export { dummyLiteral, minimalSelection } from './minimalSelection.js';
export { randomOperation } from './randomOperation.js';
