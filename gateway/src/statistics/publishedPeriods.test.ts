import { afterEach, describe, expect, it, vi } from 'vitest';
import { publishedPeriods } from './publishedPeriods.js';
import { StatisticsPipelineError } from './statisticsPipelineError.js';

const sign = async () => 'signed';
const subgraphUrls = { statistics: 'http://127.0.0.1:1/graphql' };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('publishedPeriods', () => {
  it('asks the statistics subgraph once, one aliased field per period with its period type', async () => {
    const requests: { url: string; body: { query: string; variables: Record<string, string> } }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
      requests.push({ url, body: JSON.parse(init.body) });
      return new Response(JSON.stringify({ data: { p0: null, p1: { id: 'r-q3' }, p2: null } }), { status: 200 });
    });
    const published = await publishedPeriods({ sign, subgraphUrls, periods: ['2026-09', '2026-Q3', '2025'] });
    expect([...published]).toEqual(['2026-Q3']);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.url).toBe(subgraphUrls.statistics);
    expect(requests[0]?.body.variables).toEqual({ p0: '2026-09', p1: '2026-Q3', p2: '2025' });
    const query = requests[0]?.body.query ?? '';
    expect(query).toContain('p0: latestStatisticsRelease(period: $p0, periodType: MONTH)');
    expect(query).toContain('p1: latestStatisticsRelease(period: $p1, periodType: QUARTER)');
    expect(query).toContain('p2: latestStatisticsRelease(period: $p2, periodType: YEAR)');
  });

  it('asks nothing for no periods, and refuses a malformed one before any request', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    expect(await publishedPeriods({ sign, subgraphUrls, periods: [] })).toEqual(new Set());
    await expect(publishedPeriods({ sign, subgraphUrls, periods: ['2026-Q5'] })).rejects.toMatchObject({
      code: 'BAD_PERIOD',
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('turns an unreachable or failing subgraph into a pipeline error naming the subgraph only', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed: connect ECONNREFUSED 127.0.0.1:1');
    });
    const unreachable = publishedPeriods({ sign, subgraphUrls, periods: ['2026-09'] });
    await expect(unreachable).rejects.toBeInstanceOf(StatisticsPipelineError);
    await expect(unreachable).rejects.toThrow('statistics: unreachable (TypeError)');
    vi.stubGlobal('fetch', async () => new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(publishedPeriods({ sign, subgraphUrls, periods: ['2026-09'] })).rejects.toThrow(
      'statistics: HTTP 502',
    );
  });
});
