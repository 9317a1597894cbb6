import { runSubgraphMain } from '@amparo/kit';
import { searchesSubgraph } from './definition.js';

await runSubgraphMain(searchesSubgraph);
