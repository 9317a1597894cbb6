import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The committed composition, `schema/supergraph.graphql`. */
export const SUPERGRAPH_PATH = fileURLToPath(new URL('../../supergraph.graphql', import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}
