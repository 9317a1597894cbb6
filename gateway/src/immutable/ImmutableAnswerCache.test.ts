import { describe, expect, it } from 'vitest';
import { ImmutableAnswerCache } from './ImmutableAnswerCache.js';

const key = ImmutableAnswerCache.keyOf('Table:abc', { id: 'r1' });
const answer = JSON.stringify({ data: { statisticsRelease: { id: 'r1', period: '2026-01' } } });

describe('ImmutableAnswerCache', () => {
  it('keeps a complete answer and gives back the exact text', () => {
    const cache = new ImmutableAnswerCache();
    expect(cache.offer(key, 200, answer)).toBe(true);
    expect(cache.get(key)?.body).toBe(answer);
  });

  it('keys by variables: another release is another answer', () => {
    const cache = new ImmutableAnswerCache();
    cache.offer(key, 200, answer);
    expect(cache.get(ImmutableAnswerCache.keyOf('Table:abc', { id: 'r2' }))).toBeUndefined();
    expect(ImmutableAnswerCache.keyOf('Table:abc', undefined)).toBe(ImmutableAnswerCache.keyOf('Table:abc', null));
  });

  it.each([
    ['an error', 200, JSON.stringify({ data: { statisticsRelease: null }, errors: [{ message: 'x' }] })],
    [
      'a null root field (a release id that does not exist yet)',
      200,
      JSON.stringify({ data: { statisticsRelease: null } }),
    ],
    ['no data', 200, JSON.stringify({ errors: [{ message: 'x' }] })],
    [
      'values nulled by the gateway',
      200,
      JSON.stringify({ data: { statisticsRelease: { id: 'r1' } }, extensions: { valueCompletion: [] } }),
    ],
    ['a status other than 200', 503, answer],
    ['text that is not JSON', 200, '{"data":'],
  ])('does not keep %s', (_what, status, body) => {
    const cache = new ImmutableAnswerCache();
    expect(cache.offer(key, status, body)).toBe(false);
    expect(cache.get(key)).toBeUndefined();
  });

  it('does not keep an answer larger than its bound, and holds at most `capacity` answers', () => {
    const small = new ImmutableAnswerCache(2, 10);
    expect(small.offer(key, 200, answer)).toBe(false);
    const bounded = new ImmutableAnswerCache(2);
    for (const id of ['a', 'b', 'c']) bounded.offer(ImmutableAnswerCache.keyOf('T', { id }), 200, answer);
    expect(bounded.size).toBe(2);
    expect(bounded.get(ImmutableAnswerCache.keyOf('T', { id: 'a' }))).toBeUndefined();
  });

  it('lets concurrent first requests wait for the one answering, and get what it kept', async () => {
    const cache = new ImmutableAnswerCache();
    expect(cache.pending(key)).toBeUndefined();
    const done = cache.begin(key);
    const waiting = cache.pending(key);
    expect(waiting).toBeDefined();
    cache.offer(key, 200, answer);
    done();
    expect((await waiting)?.body).toBe(answer);
    expect(cache.pending(key)).toBeUndefined();
  });

  it('sends waiters on with nothing when the answer was not kept, and a late finisher does not clear a newer one', async () => {
    const cache = new ImmutableAnswerCache();
    const first = cache.begin(key);
    const waiting = cache.pending(key);
    const second = cache.begin(key);
    first();
    expect(await waiting).toBeUndefined();
    expect(cache.pending(key)).toBeDefined();
    second();
    expect(cache.pending(key)).toBeUndefined();
  });
});
