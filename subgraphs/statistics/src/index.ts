export { statisticsSubgraph } from './definition.js';
export { loadReleasePolicy } from './config/statisticsConfig.js';
export type { ReleasePolicy } from './disclosure/releasePolicy.js';
export { computeReleaseFromExtracts, fineDimensionsOf } from './releases/computeReleaseFromExtracts.js';
export type { ExtractCell, StatisticsExtract } from './releases/statisticsExtract.js';
export { storeRelease } from './releases/storeRelease.js';
