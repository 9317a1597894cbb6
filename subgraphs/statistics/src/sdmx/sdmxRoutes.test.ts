import { principalFor, startTestSubgraph, type TestSubgraph } from '@amparo/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticsSubgraph } from '../definition.js';
import { MEASURES } from '../measures/measures.js';
import { validateSdmxJsonData } from './validateSdmxJsonData.js';

let sg: TestSubgraph;
const anyone = principalFor('public');

interface Release {
  id: string;
  period: string;
  periodType: string;
  publishedAt: string;
  replaces: string | null;
}
let releases: Release[];

beforeAll(async () => {
  sg = await startTestSubgraph(statisticsSubgraph, { seed: true, seedScale: 0.5 });
  const { body } = await sg.request<{ statisticsReleases: { edges: { node: Release }[] } }>(
    anyone,
    '{ statisticsReleases(first: 100) { edges { node { id period periodType publishedAt replaces } } } }',
  );
  releases = body.data!.statisticsReleases.edges.map((e) => e.node);
});
afterAll(() => sg?.close());

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await sg.app.inject({ method: 'GET', url, headers });
  return { status: response.statusCode, type: String(response.headers['content-type']), body: response.body };
}

// FREQ, then CASES_OPENED's dimensions: COUNTRY.NATIONALITY.SEX.AGE_GROUP.PHASE.DISABILITY.INDIGENOUS_LANGUAGE.
const COUNTRY_BY_SEX = 'M.._T.._T._T._T._T';

interface Message {
  data: {
    structures: {
      dimensions: { series: { id: string; values: { id: string }[] }[]; observation: { values: { id: string }[] }[] };
      attributes: { observation: { id: string; values: { id: string }[] }[] };
    }[];
    dataSets: { series: Record<string, { observations: Record<string, (number | null)[]> }> }[];
  };
}

/** Flattens an SDMX-JSON message into `FREQ.COUNTRY…|PERIOD` → [value, lower, upper, CONF_STATUS, RELEASE]. */
function flatten(message: Message) {
  const structure = message.data.structures[0]!;
  const series = structure.dimensions.series;
  const periods = structure.dimensions.observation[0]!.values;
  const attributes = structure.attributes.observation;
  const out = new Map<string, [number | null, number | null, number | null, string, string]>();
  for (const [key, s] of Object.entries(message.data.dataSets[0]!.series)) {
    const codes = key.split(':').map((index, d) => series[d]!.values[Number(index)]!.id);
    for (const [obs, [value, lower, upper, conf, , release]] of Object.entries(s.observations)) {
      out.set(`${codes.join('.')}|${periods[Number(obs)]!.id}`, [
        value ?? null,
        lower ?? null,
        upper ?? null,
        attributes[0]!.values[conf as number]!.id,
        attributes[2]!.values[release as number]!.id,
      ]);
    }
  }
  return out;
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\r\n');
  const columns = (header as string).split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
}

describe('SDMX-JSON data endpoint', () => {
  it('answers a valid SDMX-JSON 2.0 data message, without any token', async () => {
    const response = await get('/stats/sdmx/data/CASES_OPENED', {
      accept: 'application/vnd.sdmx.data+json;version=2.0.0',
    });
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^application\/vnd\.sdmx\.data\+json; version=2\.0\.0/);
    const message = JSON.parse(response.body) as Message;
    expect(validateSdmxJsonData(message)).toEqual([]);
    const ids = message.data.structures[0]!.dimensions.series.map((d) => d.id);
    expect(ids).toEqual([
      'FREQ',
      'COUNTRY',
      'NATIONALITY',
      'SEX',
      'AGE_GROUP',
      'PHASE',
      'DISABILITY',
      'INDIGENOUS_LANGUAGE',
    ]);
    const observations = [...flatten(message).values()];
    expect(observations.length).toBeGreaterThan(500);
    for (const [value, lower, upper, conf] of observations) {
      if (conf === 'C') expect([value, lower, upper]).toEqual([null, null, null]);
      else {
        expect(conf).toBe('F');
        expect(value).toBeGreaterThanOrEqual(11);
        expect(lower).toBeLessThanOrEqual(value as number);
        expect(upper).toBeGreaterThanOrEqual(value as number);
      }
    }
    expect(observations.some(([, , , conf]) => conf === 'C')).toBe(true);
    // The GraphQL endpoint of the same server still refuses unsigned requests.
    const graphql = await sg.app.inject({ method: 'POST', url: '/graphql', payload: { query: '{ __typename }' } });
    expect(graphql.statusCode).toBe(401);
  });

  it('the structural validator rejects broken messages', async () => {
    const message = JSON.parse((await get(`/stats/sdmx/data/CASES_OPENED/${COUNTRY_BY_SEX}`)).body) as Message;
    const broken = structuredClone(message) as unknown as Record<string, Record<string, unknown>>;
    delete broken.meta!.prepared;
    expect(validateSdmxJsonData(broken)).toEqual(['$.meta.prepared: must be a date-time']);
    const badKey = structuredClone(message);
    const [first] = Object.values(badKey.data.dataSets[0]!.series);
    badKey.data.dataSets[0]!.series['99:0'] = first!;
    expect(validateSdmxJsonData(badKey)).toEqual([
      '$.data.dataSets[0].series["99:0"]: key must hold one index per series dimension',
    ]);
    expect(validateSdmxJsonData({ meta: {}, data: {} }).length).toBeGreaterThan(3);
  });

  it('filters by key: `+` alternatives, empty positions, full and short dataflow ids agree', async () => {
    const key = 'M.MX+GT._T.F+_T._T._T._T._T';
    const short = await get(`/stats/sdmx/data/CASES_OPENED/${key}`);
    const full = await get(`/stats/sdmx/data/AMPARO:CASES_OPENED(1.0)/${key}`);
    const comma = await get(`/stats/sdmx/data/AMPARO,CASES_OPENED,latest/${key}`);
    expect(short.status).toBe(200);
    const observations = flatten(JSON.parse(short.body) as Message);
    expect(flatten(JSON.parse(full.body) as Message)).toEqual(observations);
    expect(flatten(JSON.parse(comma.body) as Message)).toEqual(observations);
    const months = new Set(releases.filter((r) => r.periodType === 'MONTH').map((r) => r.period));
    // 2 countries × 2 sex codes, one per month.
    expect(observations.size).toBe(4 * months.size);
    for (const id of observations.keys()) expect(id).toMatch(/^M\.(MX|GT)\._T\.(F|_T)\._T\._T\._T\._T\|\d{4}-\d{2}$/);
  });

  it('filters periods with startPeriod and endPeriod (inclusive), and FREQ picks quarters', async () => {
    const month = releases.find((r) => r.periodType === 'MONTH')!.period;
    const one = flatten(
      JSON.parse(
        (await get(`/stats/sdmx/data/CASES_OPENED/${COUNTRY_BY_SEX}?startPeriod=${month}&endPeriod=${month}`)).body,
      ) as Message,
    );
    expect(one.size).toBeGreaterThan(0);
    for (const id of one.keys()) expect(id.endsWith(`|${month}`)).toBe(true);
    const quarter = releases.find((r) => r.periodType === 'QUARTER')!.period;
    const quarterly = flatten(
      JSON.parse((await get(`/stats/sdmx/data/CASES_OPENED/Q.._T.._T._T._T._T`)).body) as Message,
    );
    expect([...quarterly.keys()].every((id) => id.startsWith('Q.') && id.endsWith(`|${quarter}`))).toBe(true);
    const year = quarter.slice(0, 4);
    const blank = await get(`/stats/csv/data/CASES_OPENED/${COUNTRY_BY_SEX}?startPeriod=&endPeriod=&asOf=`);
    const unbounded = await get(`/stats/csv/data/CASES_OPENED/${COUNTRY_BY_SEX}`);
    expect(blank.status).toBe(200);
    expect(blank.body).toBe(unbounded.body);
    const none = await get(`/stats/sdmx/data/CASES_OPENED/all?startPeriod=${Number(year) + 1}`);
    expect(none.status).toBe(404);
    expect(JSON.parse(none.body).errors[0]).toMatchObject({ code: 100, status: 404 });
  });

  it('asOf answers as the data stood then: a correction published later is ignored', async () => {
    const correction = releases.find((r) => r.replaces !== null)!;
    const original = releases.find((r) => r.id === correction.replaces)!;
    const between = new Date((Date.parse(original.publishedAt) + Date.parse(correction.publishedAt)) / 2)
      .toISOString()
      .slice(0, 10);
    const url = `/stats/sdmx/data/CASES_OPENED/${COUNTRY_BY_SEX}?startPeriod=${original.period}&endPeriod=${original.period}`;
    const now = [...flatten(JSON.parse((await get(url)).body) as Message).values()];
    const then = [...flatten(JSON.parse((await get(`${url}&asOf=${between}`)).body) as Message).values()];
    expect(new Set(now.map((o) => o[4]))).toEqual(new Set([correction.id]));
    expect(new Set(then.map((o) => o[4]))).toEqual(new Set([original.id]));
    const before = await get(`${url}&asOf=${original.publishedAt.slice(0, 4)}-01-01`);
    expect(before.status).toBe(404);

    const { body } = await sg.request<{ latestStatisticsRelease: { id: string } }>(
      anyone,
      'query ($p: String, $asOf: String) { latestStatisticsRelease(period: $p, asOf: $asOf) { id } }',
      { p: original.period, asOf: between },
    );
    expect(body.data?.latestStatisticsRelease.id).toBe(original.id);
  });
});

describe('SDMX dataflows of the case, needs and deceased measures', () => {
  it('serve NEEDS by category and deaths by country, sex and age only, as valid SDMX-JSON', async () => {
    const needs = await get('/stats/sdmx/data/AMPARO:NEEDS(1.0)/M._T._T.SHELTER+FOOD+_T');
    expect(needs.status).toBe(200);
    expect(validateSdmxJsonData(JSON.parse(needs.body))).toEqual([]);
    const categories = [...flatten(JSON.parse(needs.body) as Message).keys()].map((k) => k.split('|')[0]);
    expect(new Set(categories)).toEqual(new Set(['M._T._T.SHELTER', 'M._T._T.FOOD', 'M._T._T._T']));
    // FREQ.COUNTRY.SEX.AGE_GROUP: a nationality position does not exist for deaths.
    const deceased = await get('/stats/csv/data/SEARCHES_LOCATED_DECEASED/M._T.F+_T._T');
    expect(deceased.status).toBe(200);
    expect(parseCsv(deceased.body).length).toBeGreaterThan(0);
    expect(parseCsv(deceased.body).every((row) => row.CONF_STATUS === 'C' || Number(row.OBS_VALUE) >= 11)).toBe(true);
    const withNationality = await get('/stats/sdmx/data/SEARCHES_LOCATED_DECEASED/M._T.HN._T._T');
    expect(withNationality.status).toBe(400);
    expect(JSON.parse(withNationality.body).errors[0]).toMatchObject({ keyOrder: 'FREQ.COUNTRY.SEX.AGE_GROUP' });
    // FREQ.COUNTRY.SEX.AGE_GROUP.PHASE and FREQ.COUNTRY.SEX.AGE_GROUP.
    expect((await get('/stats/sdmx/data/CASES_ACTIVE/Q.MX+_T._T._T._T')).status).toBe(200);
    expect((await get('/stats/sdmx/data/CASES_CLOSED/M._T.F._T')).status).toBe(200);
  });
});

describe('SDMX errors are real HTTP errors with a JSON body', () => {
  it('400 for a key naming a code that does not exist, with the position', async () => {
    const response = await get('/stats/sdmx/data/CASES_OPENED/M.XX._T.._T._T._T._T');
    expect(response.status).toBe(400);
    expect(response.type).toMatch(/^application\/json/);
    expect(JSON.parse(response.body).errors[0]).toMatchObject({
      code: 140,
      parameter: 'key',
      position: 2,
      dimension: 'COUNTRY',
      keyOrder: 'FREQ.COUNTRY.NATIONALITY.SEX.AGE_GROUP.PHASE.DISABILITY.INDIGENOUS_LANGUAGE',
    });
    const short = await get('/stats/csv/data/CASES_OPENED/M.MX');
    expect(short.status).toBe(400);
    expect(JSON.parse(short.body).errors[0].detail).toMatch(/2 position\(s\); CASES_OPENED has 8/);
  });

  it('400 for a bad period, asOf or unknown parameter', async () => {
    for (const [query, parameter] of [
      ['startPeriod=2026-13', 'startPeriod'],
      ['endPeriod=soon', 'endPeriod'],
      ['asOf=2026-02-30', 'asOf'],
      ['migrationStatus=IRREGULAR', 'migrationStatus'],
    ]) {
      const response = await get(`/stats/sdmx/data/CASES_OPENED/all?${query}`);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).errors[0].parameter).toBe(parameter);
    }
  });

  it('404 for an unknown dataflow or another agency', async () => {
    for (const flow of ['MIGRATION_STATUS', 'OTHER:CASES_OPENED(1.0)', 'AMPARO:CASES_OPENED(9.9)']) {
      const response = await get(`/stats/sdmx/data/${encodeURIComponent(flow)}/all`);
      expect(response.status).toBe(404);
      expect(JSON.parse(response.body).errors[0]).toMatchObject({ code: 100, parameter: 'dataflow' });
    }
  });

  it('406 for an Accept the endpoint cannot answer', async () => {
    for (const [url, accept] of [
      ['/stats/sdmx/data/CASES_OPENED/all', 'application/xml'],
      ['/stats/sdmx/data/CASES_OPENED/all', 'application/vnd.sdmx.data+json;version=1.0.0'],
      ['/stats/csv/data/CASES_OPENED/all', 'application/json'],
    ] as const) {
      const response = await get(url, { accept });
      expect(response.status).toBe(406);
      expect(JSON.parse(response.body).errors[0].code).toBe(406);
    }
    expect((await get('/stats/csv/data/CASES_OPENED/all', { accept: 'text/csv' })).status).toBe(200);
  });
});

describe('SDMX-CSV', () => {
  it('round-trips: parsed back, it equals the GraphQL series and the SDMX-JSON message', async () => {
    const csv = await get(`/stats/csv/data/AMPARO:CASES_OPENED(1.0)/${COUNTRY_BY_SEX}`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^application\/vnd\.sdmx\.data\+csv; version=2\.0\.0/);
    expect(csv.body.split('\r\n')[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ,COUNTRY,NATIONALITY,SEX,AGE_GROUP,PHASE,DISABILITY,INDIGENOUS_LANGUAGE,TIME_PERIOD,OBS_VALUE,CONF_STATUS,LOWER,UPPER',
    );
    const rows = parseCsv(csv.body);
    const number = (v: string | undefined) => (v === '' || v === undefined ? null : Number(v));
    const fromCsv = new Map(
      rows.map((r) => [
        `${r.COUNTRY}.${r.SEX}|${r.TIME_PERIOD}`,
        {
          value: number(r.OBS_VALUE),
          suppressed: r.CONF_STATUS === 'C',
          lower: number(r.LOWER),
          upper: number(r.UPPER),
        },
      ]),
    );
    expect(
      rows.every(
        (r) => r.STRUCTURE === 'dataflow' && r.STRUCTURE_ID === 'AMPARO:CASES_OPENED(1.0)' && r.ACTION === 'I',
      ),
    ).toBe(true);

    const { body } = await sg.request<{
      statisticsSeries: {
        period: string;
        cells: {
          key: { code: string }[];
          value: number | null;
          suppressed: boolean;
          lower: number | null;
          upper: number | null;
        }[];
      }[];
    }>(
      anyone,
      '{ statisticsSeries(measure: CASES_OPENED, dimensions: [COUNTRY, SEX]) { period cells { key { code } value suppressed lower upper } } }',
    );
    expect(body.errors).toBeUndefined();
    const fromGraphql = new Map(
      body.data!.statisticsSeries.flatMap((point) =>
        point.cells.map((c) => [
          `${c.key[0]!.code}.${c.key[1]!.code}|${point.period}`,
          { value: c.value, suppressed: c.suppressed, lower: c.lower, upper: c.upper },
        ]),
      ),
    );
    expect(fromCsv.size).toBeGreaterThan(50);
    expect(fromCsv).toEqual(fromGraphql);

    const json = flatten(JSON.parse((await get(`/stats/sdmx/data/CASES_OPENED/${COUNTRY_BY_SEX}`)).body) as Message);
    expect(json.size).toBe(rows.length);
    for (const r of rows) {
      const id = `M.${r.COUNTRY}.${r.NATIONALITY}.${r.SEX}.${r.AGE_GROUP}.${r.PHASE}.${r.DISABILITY}.${r.INDIGENOUS_LANGUAGE}|${r.TIME_PERIOD}`;
      expect(json.get(id)?.slice(0, 4)).toEqual([number(r.OBS_VALUE), number(r.LOWER), number(r.UPPER), r.CONF_STATUS]);
    }
  });
});

describe('statisticsSeries', () => {
  const SERIES = `query ($from: String, $to: String, $asOf: String, $type: PeriodType) {
    statisticsSeries(measure: INTERPRETATION_UNMET, dimensions: [LANGUAGE], periodType: $type, from: $from, to: $to, asOf: $asOf) {
      period periodType release { id replaces method { threshold intervalHalfWidth } } cells { key { dimension code } value suppressed }
    }
  }`;
  type Point = {
    period: string;
    periodType: string;
    release: { id: string; replaces: string | null; method: { threshold: number; intervalHalfWidth: number } };
    cells: unknown[];
  };

  it('follows a table across releases, oldest first, one release in force per period', async () => {
    const { body } = await sg.request<{ statisticsSeries: Point[] }>(anyone, SERIES, {});
    const points = body.data!.statisticsSeries;
    // The release policy (STATISTICS_* defaults here) is recorded in each release's method.
    expect(points[0]?.release.method).toEqual({ threshold: 11, intervalHalfWidth: 7 });
    const months = [...new Set(releases.filter((r) => r.periodType === 'MONTH').map((r) => r.period))].sort();
    expect(points.map((p) => p.period)).toEqual(months);
    const correction = releases.find((r) => r.replaces !== null)!;
    expect(points.find((p) => p.period === correction.period)?.release.id).toBe(correction.id);
    expect(points.every((p) => p.cells.length === points[0]!.cells.length && p.cells.length > 3)).toBe(true);

    const window = await sg.request<{ statisticsSeries: Point[] }>(anyone, SERIES, { from: months[1], to: months[2] });
    expect(window.body.data!.statisticsSeries.map((p) => p.period)).toEqual(months.slice(1, 3));
    const asOf = await sg.request<{ statisticsSeries: Point[] }>(anyone, SERIES, {
      asOf: correction.publishedAt.slice(0, 10),
    });
    // On the correction's own day it is already in force (asOf is inclusive), and later months did not exist.
    expect(asOf.body.data!.statisticsSeries.map((p) => p.release.id)).toContain(correction.id);
    expect(asOf.body.data!.statisticsSeries.length).toBeLessThan(months.length);
  });

  it('refuses a bad asOf or from, naming the argument', async () => {
    for (const [variables, field] of [
      [{ asOf: 'yesterday' }, 'asOf'],
      [{ from: '2026-W01' }, 'from'],
    ] as const) {
      const { body } = await sg.request(anyone, SERIES, variables);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('statisticsMetadata over GraphQL', () => {
  it('answers every role, enforcement included (it carries no personal data), and refuses another language', async () => {
    const query = `query ($l: String) { statisticsMetadata(language: $l) {
      language disclosureControl sdmxDataUrl sdmxCsvUrl ageGroups { code label }
      currentPolicy { threshold noiseScale intervalHalfWidth }
      measures { measure name definition unit tables dataflow sdmxKeyOrder }
      dimensions { dimension name definition codes { code label } } } }`;
    const { body } = await sg.request<{
      statisticsMetadata: { language: string; measures: unknown[]; ageGroups: { label: string }[] };
    }>(principalFor('enforcement'), query, { l: 'pt' });
    expect(body.errors).toBeUndefined();
    expect(body.data?.statisticsMetadata.language).toBe('pt');
    expect(body.data?.statisticsMetadata.measures).toHaveLength(MEASURES.length);
    expect(body.data?.statisticsMetadata.ageGroups.at(-2)?.label).toBe('60 anos ou mais');
    const bad = await sg.request(principalFor('public'), query, { l: 'de' });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'language' });
  });
});
