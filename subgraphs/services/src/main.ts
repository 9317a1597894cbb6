import { runSubgraphMain } from '@amparo/kit';
import { servicesSubgraph } from './definition.js';

await runSubgraphMain(servicesSubgraph);
