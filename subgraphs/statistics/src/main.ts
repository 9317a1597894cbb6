import { runSubgraphMain } from '@amparo/kit';
import { statisticsSubgraph } from './definition.js';

await runSubgraphMain(statisticsSubgraph);
