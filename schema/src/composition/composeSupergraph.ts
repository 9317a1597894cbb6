import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { SUBGRAPHS } from './subgraphs.js';
import { REPO_ROOT } from './supergraphFile.js';

export interface CompositionReport {
  readonly supergraphSdl: string | null;
  readonly errors: readonly string[];
  /** Hints not listed in {@link ACCEPTED_HINTS}. */
  readonly hints: readonly string[];
}

/**
 * Hint codes we have read and accepted. Anything else makes the schema check
 * fail, so a new hint is a decision, not noise.
 */
export const ACCEPTED_HINTS: ReadonlySet<string> = new Set<string>([]);

/** Composes the five subgraphs' SDL files with @apollo/composition. */
export function composeSupergraph(root: string = REPO_ROOT): CompositionReport {
  const services = SUBGRAPHS.map((s) => ({
    name: s.name,
    url: `http://127.0.0.1:${s.port}/graphql`,
    typeDefs: parse(readFileSync(join(root, s.sdl), 'utf8')),
  }));
  const result = composeServices(services);
  const hints = (result.hints ?? [])
    .filter((h) => !ACCEPTED_HINTS.has(h.definition.code))
    .map((h) => `${h.definition.code}: ${h.message}`);
  if (result.errors) {
    return { supergraphSdl: null, errors: result.errors.map((e) => e.message), hints };
  }
  return { supergraphSdl: result.supergraphSdl, errors: [], hints };
}
