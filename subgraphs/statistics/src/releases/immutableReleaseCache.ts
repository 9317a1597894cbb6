import type { Database } from '@amparo/kit';
import type { CellRow } from './cellRow.js';
import type { toRelease } from './releaseRow.js';

/** Least recently used first out; a few hundred releases and tables are a few MB. */
class Lru<V> {
  readonly #entries = new Map<string, V>();
  constructor(readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.set(key, value);
    if (this.#entries.size > this.max) this.#entries.delete(this.#entries.keys().next().value as string);
  }
}

export interface ImmutableReleaseCache {
  /** Releases by id. */
  readonly releases: Lru<ReturnType<typeof toRelease>>;
  /** Cells by `cellsKey(release, measure)`. */
  readonly cells: Lru<readonly CellRow[]>;
}

const caches = new WeakMap<Database, ImmutableReleaseCache>();

/**
 * Releases and cells already read, per database. Published releases are
 * immutable — the store's triggers refuse any UPDATE or DELETE of a release
 * or its cells, and a release and its cells are written in one transaction —
 * so nothing kept here can go stale, and table queries stop reading the same
 * rows again. Only what was found is kept: an unknown id may name a release
 * published later.
 */
export function immutableReleaseCache(db: Database): ImmutableReleaseCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { releases: new Lru(1_024), cells: new Lru(256) };
    caches.set(db, cache);
  }
  return cache;
}
