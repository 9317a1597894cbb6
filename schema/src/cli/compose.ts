import { writeFileSync } from 'node:fs';
import { composeSupergraph } from '../composition/composeSupergraph.js';
import { SUPERGRAPH_PATH } from '../composition/supergraphFile.js';

const report = composeSupergraph();
for (const hint of report.hints) console.warn(`hint ${hint}`);
if (report.errors.length > 0 || report.supergraphSdl === null) {
  for (const error of report.errors) console.error(`error ${error}`);
  process.exit(1);
}
writeFileSync(SUPERGRAPH_PATH, report.supergraphSdl);
console.log(`wrote ${SUPERGRAPH_PATH}`);
