import { runSubgraphMain } from '@amparo/kit';
import { interpretersSubgraph } from './definition.js';

await runSubgraphMain(interpretersSubgraph);
