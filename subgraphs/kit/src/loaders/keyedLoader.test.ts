import { describe, expect, it } from 'vitest';
import { keyedLoader } from './keyedLoader.js';

function rowsLoader() {
  const batches: string[][] = [];
  const loader = keyedLoader(
    async (ids: readonly string[]) => {
      batches.push([...ids]);
      return ids.filter((id) => id !== 'missing').map((id) => ({ id, name: `row ${id}` }));
    },
    (row) => row.id,
  );
  return { loader, batches };
}

describe('keyedLoader.known', () => {
  it('answers a primed value at once, and load reads no row for it', async () => {
    const { loader, batches } = rowsLoader();
    loader.prime('a', { id: 'a', name: 'primed' });
    expect(loader.known('a')).toEqual({ id: 'a', name: 'primed' });
    await expect(loader.load('a')).resolves.toEqual({ id: 'a', name: 'primed' });
    expect(batches).toEqual([]);
  });

  it('holds what a batch returned, null for a key with no row, and nothing before the batch ends', async () => {
    const { loader, batches } = rowsLoader();
    const pending = loader.loadMany(['b', 'missing']);
    expect(loader.known('b')).toBeUndefined();
    await pending;
    expect(loader.known('b')).toEqual({ id: 'b', name: 'row b' });
    expect(loader.known('missing')).toBeNull();
    expect(batches).toEqual([['b', 'missing']]);
  });

  it('forgets with clear and clearAll, and keeps the first primed value as DataLoader does', () => {
    const { loader } = rowsLoader();
    loader.prime('a', { id: 'a', name: 'first' }).prime('a', { id: 'a', name: 'second' });
    expect(loader.known('a')?.name).toBe('first');
    loader.clear('a');
    expect(loader.known('a')).toBeUndefined();
    loader.prime('c', { id: 'c', name: 'c' });
    loader.clearAll();
    expect(loader.known('c')).toBeUndefined();
  });
});
