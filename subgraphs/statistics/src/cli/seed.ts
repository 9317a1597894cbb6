import { runSeedMain } from '@amparo/kit';
import { statisticsSubgraph } from '../definition.js';

await runSeedMain(statisticsSubgraph);
