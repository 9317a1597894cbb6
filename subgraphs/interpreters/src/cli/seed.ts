import { runSeedMain } from '@amparo/kit';
import { interpretersSubgraph } from '../definition.js';

await runSeedMain(interpretersSubgraph);
