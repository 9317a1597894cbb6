import { runSubgraphMain } from '@amparo/kit';
import { casesSubgraph } from './definition.js';

await runSubgraphMain(casesSubgraph);
