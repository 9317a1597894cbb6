import DataLoader from 'dataloader';

/**
 * A DataLoader that also answers, without a promise, what it already holds:
 * values primed into it and rows its batches returned. A field resolver
 * that reads `known(key) ?? load(key)` hands graphql-js a plain value when
 * the row is in hand (a catalogue page's own statement primes its services'
 * organisations), and graphql-js then completes it without a promise per
 * field. DataLoader's own cache holds promises, which cannot be read
 * synchronously: hence the map beside it, cleared with it.
 */
export class KeyedLoader<K, V> extends DataLoader<K, V | null> {
  private readonly held = new Map<K, V | null>();

  constructor(batch: (keys: readonly K[]) => Promise<(V | null)[]>) {
    super(async (keys) => {
      const values = await batch(keys);
      for (const [i, key] of keys.entries()) this.held.set(key, values[i] ?? null);
      return values;
    });
  }

  /** The value already held for `key` (null: no such row), or undefined when only `load` can tell. */
  known(key: K): V | null | undefined {
    return this.held.get(key);
  }

  override prime(key: K, value: V | null | PromiseLike<V | null> | Error): this {
    if (!(value instanceof Error) && !isPromiseLike(value) && !this.held.has(key)) this.held.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: K): this {
    this.held.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.held.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * A per-request loader that fetches many rows in one query and hands each
 * key its row (or null), in the order the keys were asked for.
 */
export function keyedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
): KeyedLoader<K, V> {
  return new KeyedLoader<K, V>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V>();
    for (const row of rows) byKey.set(keyOf(row), row);
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Like {@link keyedLoader} but each key has many rows (a one-to-many relation). */
export function groupedLoader<K, V>(
  fetch: (keys: readonly K[]) => Promise<readonly V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map<K, V[]>();
    for (const row of rows) {
      const k = keyOf(row);
      const list = byKey.get(k);
      if (list) list.push(row);
      else byKey.set(k, [row]);
    }
    return keys.map((k) => byKey.get(k) ?? []);
  });
}
