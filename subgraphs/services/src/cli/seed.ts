import { runSeedMain } from '@amparo/kit';
import { servicesSubgraph } from '../definition.js';

await runSeedMain(servicesSubgraph);
