import { runSeedMain } from '@amparo/kit';
import { casesSubgraph } from '../definition.js';

await runSeedMain(casesSubgraph);
