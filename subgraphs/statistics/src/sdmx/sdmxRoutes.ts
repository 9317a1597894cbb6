import type { Database, Logger, SubgraphDefinition } from '@amparo/kit';
import { asOfInstant, periodInterval, type PeriodInterval } from '../series/timePeriod.js';
import { parseDataflowRef } from './dataflow.js';
import { accepts, preferredLanguage } from './negotiate.js';
import { isKeyError, parseKey } from './parseKey.js';
import { readObservations } from './readObservations.js';
import { SDMX_CSV_TYPE, sdmxCsv } from './sdmxCsv.js';
import { SDMX_JSON_TYPE, sdmxJsonMessage } from './sdmxJsonMessage.js';

type App = Parameters<NonNullable<SubgraphDefinition['routes']>>[0];
type Format = 'json' | 'csv';

interface DataRequest {
  Params: { dataflow: string; key?: string };
  Querystring: Record<string, string | string[] | undefined>;
}

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

/** SDMX REST error codes (SDMX 2.1/3.0 web services guidelines): the HTTP status carries the same meaning. */
const SDMX_ERRORS = {
  400: { code: 140, title: 'Syntax error' },
  404: { code: 100, title: 'No results found' },
  406: { code: 406, title: 'Not acceptable' },
  500: { code: 500, title: 'Internal server error' },
} as const;

function failure(status: keyof typeof SDMX_ERRORS, detail: string, extra: Record<string, unknown> = {}): Answer {
  return {
    status,
    type: 'application/json; charset=utf-8',
    body: JSON.stringify({ errors: [{ ...SDMX_ERRORS[status], status, detail, ...extra }] }),
  };
}

const ACCEPTED = {
  json: { types: ['application/vnd.sdmx.data+json', 'application/json'], sdmx: 'application/vnd.sdmx.data+json' },
  csv: { types: ['application/vnd.sdmx.data+csv', 'text/csv'], sdmx: 'application/vnd.sdmx.data+csv' },
} as const;

/** Query parameters we read; SDMX tools also send the last two, which have one possible value here. */
const PARAMETERS = ['startPeriod', 'endPeriod', 'asOf', 'dimensionAtObservation', 'detail'];

const header = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/** Answers one data query; every failure is a real HTTP status with a JSON body naming what is wrong. */
export async function answerDataQuery(
  db: Database,
  format: Format,
  request: {
    params: DataRequest['Params'];
    query: DataRequest['Querystring'];
    accept?: string;
    acceptLanguage?: string;
  },
): Promise<Answer> {
  const { types, sdmx } = ACCEPTED[format];
  if (!accepts(request.accept, types, sdmx)) {
    return failure(406, `this endpoint answers ${types.join(' or ')} (SDMX version 2.0.0)`);
  }
  const q: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.query)) {
    if (!PARAMETERS.includes(name)) {
      return failure(400, `unknown query parameter; use ${PARAMETERS.join(', ')}`, { parameter: name.slice(0, 40) });
    }
    if (typeof value !== 'string') return failure(400, 'is given more than once', { parameter: name });
    // `?startPeriod=&endPeriod=` (a filled-in URL template) means no bound.
    if (value !== '') q[name] = value;
  }
  if (q.dimensionAtObservation !== undefined && q.dimensionAtObservation !== 'TIME_PERIOD') {
    return failure(400, 'only TIME_PERIOD is supported', { parameter: 'dimensionAtObservation' });
  }
  if (q.detail !== undefined && q.detail !== 'full') {
    return failure(400, 'only full is supported', { parameter: 'detail' });
  }
  const window: Record<'startPeriod' | 'endPeriod', PeriodInterval | null> = { startPeriod: null, endPeriod: null };
  for (const name of ['startPeriod', 'endPeriod'] as const) {
    const raw = q[name];
    if (raw === undefined) continue;
    const interval = periodInterval(raw);
    if (!interval) return failure(400, 'expected YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD', { parameter: name });
    window[name] = interval;
  }
  let asOf: Date | null = null;
  if (q.asOf !== undefined) {
    asOf = asOfInstant(q.asOf);
    if (!asOf) {
      return failure(400, 'expected an ISO 8601 date (YYYY-MM-DD) or date-time with a zone', { parameter: 'asOf' });
    }
  }
  const flow = parseDataflowRef(request.params.dataflow);
  if (!flow) {
    return failure(404, 'unknown dataflow; each measure is one, e.g. CASES_OPENED or AMPARO:CASES_OPENED(1.0)', {
      parameter: 'dataflow',
    });
  }
  const selection = parseKey(request.params.key, flow);
  if (isKeyError(selection)) {
    return failure(400, selection.detail, {
      parameter: 'key',
      position: selection.position,
      dimension: selection.dimension,
      keyOrder: flow.keyDimensions.join('.'),
    });
  }
  const { observations, releases } = await readObservations(db, flow, selection, {
    from: window.startPeriod,
    to: window.endPeriod,
    asOf,
  });
  if (observations.length === 0) return failure(404, 'no published observation matches this query');
  if (format === 'csv') return { status: 200, type: SDMX_CSV_TYPE, body: sdmxCsv(flow, observations) };
  const language = preferredLanguage(request.acceptLanguage);
  return {
    status: 200,
    type: SDMX_JSON_TYPE,
    body: JSON.stringify(sdmxJsonMessage(flow, observations, releases, language)),
  };
}

/**
 * Public SDMX REST data endpoints over published statistics only:
 * `GET /stats/sdmx/data/{dataflow}/{key}` (SDMX-JSON 2.0) and
 * `GET /stats/csv/data/{dataflow}/{key}` (SDMX-CSV 2.0), with `startPeriod`,
 * `endPeriod` and `asOf`. They read only stored, protected cells, so they
 * need no principal; the kit's internal-token check covers /graphql only.
 */
export function registerSdmxRoutes(app: App, db: Database, log: Logger): void {
  for (const [prefix, format] of [
    ['/stats/sdmx/data', 'json'],
    ['/stats/csv/data', 'csv'],
  ] as const) {
    for (const path of [`${prefix}/:dataflow`, `${prefix}/:dataflow/:key`]) {
      app.get<DataRequest>(path, async (request, reply) => {
        let answer: Answer;
        try {
          answer = await answerDataQuery(db, format, {
            params: request.params,
            query: request.query,
            accept: header(request.headers.accept),
            acceptLanguage: header(request.headers['accept-language']),
          });
        } catch (error) {
          // Name only: a driver message could quote SQL.
          log.error({ err: { name: (error as Error).name } }, 'statistics export failed');
          answer = failure(500, 'the export failed; try again later');
        }
        return reply
          .code(answer.status)
          .header('content-type', answer.type)
          .header('vary', 'accept, accept-language')
          .send(answer.body);
      });
    }
  }
}
