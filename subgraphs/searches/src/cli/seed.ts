import { runSeedMain } from '@amparo/kit';
import { searchesSubgraph } from '../definition.js';

await runSeedMain(searchesSubgraph);
