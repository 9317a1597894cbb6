import { randomUUID } from 'node:crypto';
import { publishedCodeList } from '../codes/codeLists.js';
import type { Dimension } from '../codes/dimensions.js';
import type { LabelLanguage } from '../codes/labels.js';
import { DIMENSION_DEFINITIONS, FREQ_CODES, FREQ_DEFINITION } from '../metadata/dimensionDefinitions.js';
import { MEASURE_DEFINITIONS } from '../metadata/measureDefinitions.js';
import type { StatisticsRelease } from '../releases/releaseRow.js';
import { periodInterval } from '../series/timePeriod.js';
import { AGENCY, DATAFLOW_VERSION, type Dataflow } from './dataflow.js';
import type { Observation } from './readObservations.js';

export const SDMX_JSON_TYPE = 'application/vnd.sdmx.data+json; version=2.0.0; charset=utf-8';
export const SDMX_JSON_SCHEMA =
  'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/master/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json';

/** Measures of every observation, in the order of the observation arrays. */
export const OBSERVATION_MEASURES = ['OBS_VALUE', 'LOWER', 'UPPER'] as const;
/** Coded observation attributes, after the measures in each observation array. */
export const CONF_STATUS_VALUES = [
  { id: 'F', name: 'Free' },
  { id: 'C', name: 'Confidential statistical information' },
] as const;
export const OBS_STATUS_VALUES = [
  { id: 'E', name: 'Estimated value (protected with random noise)' },
  { id: 'O', name: 'Missing value (suppressed)' },
] as const;

interface Value {
  id: string;
  name: string;
  names: Record<string, string>;
}

function codeValues(dimension: 'FREQ' | Dimension, used: ReadonlySet<string>, language: LabelLanguage): Value[] {
  const entries =
    dimension === 'FREQ'
      ? FREQ_CODES.map((f) => ({ code: f.code as string, labels: f.labels }))
      : publishedCodeList(dimension);
  return entries
    .filter((e) => used.has(e.code))
    .map((e) => ({ id: e.code, name: e.labels[language], names: { [language]: e.labels[language] } }));
}

/**
 * An SDMX-JSON 2.0.0 data message: one structure (the measure's dataflow,
 * series keyed by FREQ and the dimensions, TIME_PERIOD at observation level)
 * and one data set. Each observation is `[OBS_VALUE, LOWER, UPPER,
 * CONF_STATUS index, OBS_STATUS index, RELEASE index]`; a suppressed cell has
 * null values and CONF_STATUS C.
 */
export function sdmxJsonMessage(
  flow: Dataflow,
  observations: readonly Observation[],
  releases: readonly StatisticsRelease[],
  language: LabelLanguage,
) {
  const dims = flow.keyDimensions;
  const used = dims.map((_, i) => new Set(observations.map((o) => o.key[i] as string)));
  const seriesDimensions = dims.map((id, keyPosition) => {
    const definition = id === 'FREQ' ? FREQ_DEFINITION : DIMENSION_DEFINITIONS[id];
    return {
      id,
      name: definition.name[language],
      names: { [language]: definition.name[language] },
      keyPosition,
      roles: id === 'FREQ' ? ['FREQ'] : [],
      values: codeValues(id, used[keyPosition] as Set<string>, language),
    };
  });
  const periods = [...new Set(observations.map((o) => o.period))].sort(
    (a, b) => (periodInterval(a)?.start ?? 0) - (periodInterval(b)?.start ?? 0) || a.length - b.length,
  );
  const periodIndex = new Map(periods.map((p, i) => [p, i]));
  const usedReleases = releases.filter((r) => observations.some((o) => o.releaseId === r.id));
  const releaseIndex = new Map(usedReleases.map((r, i) => [r.id, i]));
  const valueIndex = dims.map((_, i) => new Map(seriesDimensions[i]?.values.map((v, j) => [v.id, j])));

  const series: Record<string, { attributes: []; annotations: []; observations: Record<string, unknown[]> }> = {};
  for (const o of observations) {
    const key = o.key.map((code, i) => valueIndex[i]?.get(code)).join(':');
    const entry = series[key] ?? { attributes: [], annotations: [], observations: {} };
    series[key] = entry;
    entry.observations[String(periodIndex.get(o.period))] = [
      o.value,
      o.lower,
      o.upper,
      o.suppressed ? 1 : 0,
      o.suppressed ? 1 : 0,
      releaseIndex.get(o.releaseId),
    ];
  }

  const measure = MEASURE_DEFINITIONS[flow.measure];
  const observationRelationship = { observation: {} };
  return {
    meta: {
      schema: SDMX_JSON_SCHEMA,
      id: `IREF-${randomUUID()}`,
      test: false,
      prepared: new Date().toISOString(),
      contentLanguages: [language],
      sender: { id: AGENCY, name: 'Amparo', names: { [language]: 'Amparo' } },
    },
    data: {
      structures: [
        {
          links: [
            { rel: 'dataflow', urn: flow.urn },
            {
              rel: 'datastructure',
              urn: `urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${AGENCY}:DSD_${flow.measure}(${DATAFLOW_VERSION})`,
            },
          ],
          name: measure.name[language],
          names: { [language]: measure.name[language] },
          description: measure.definition[language],
          descriptions: { [language]: measure.definition[language] },
          dimensions: {
            dataSet: [],
            series: seriesDimensions,
            observation: [
              {
                id: 'TIME_PERIOD',
                name: 'Time period',
                names: { en: 'Time period' },
                keyPosition: dims.length,
                roles: ['TIME_PERIOD'],
                values: periods.map((p) => {
                  const interval = periodInterval(p);
                  return {
                    id: p,
                    name: p,
                    names: { [language]: p },
                    start: new Date(interval?.start ?? 0).toISOString(),
                    end: new Date((interval?.end ?? 1) - 1).toISOString(),
                  };
                }),
              },
            ],
          },
          measures: {
            observation: OBSERVATION_MEASURES.map((id) => ({
              id,
              name: id === 'OBS_VALUE' ? measure.unit[language] : `${id === 'LOWER' ? 'Lower' : 'Upper'} bound`,
              names: { en: id === 'OBS_VALUE' ? measure.unit.en : `${id === 'LOWER' ? 'Lower' : 'Upper'} bound` },
              roles: id === 'OBS_VALUE' ? ['PRIMARY'] : [],
            })),
          },
          attributes: {
            dataSet: [],
            dimensionGroup: [],
            series: [],
            observation: [
              {
                id: 'CONF_STATUS',
                name: 'Confidentiality status',
                names: { en: 'Confidentiality status' },
                relationship: observationRelationship,
                values: CONF_STATUS_VALUES.map((v) => ({ ...v, names: { en: v.name } })),
              },
              {
                id: 'OBS_STATUS',
                name: 'Observation status',
                names: { en: 'Observation status' },
                relationship: observationRelationship,
                values: OBS_STATUS_VALUES.map((v) => ({ ...v, names: { en: v.name } })),
              },
              {
                id: 'RELEASE',
                name: 'Release the observation comes from',
                names: { en: 'Release the observation comes from' },
                relationship: observationRelationship,
                values: usedReleases.map((r) => ({
                  id: r.id,
                  name: `${r.period} published ${r.publishedAt}`,
                  names: { en: `${r.period} published ${r.publishedAt}` },
                })),
              },
            ],
          },
          annotations: usedReleases.map((r) => ({
            id: `METHOD-${r.id}`,
            title: r.method.name,
            type: 'DISCLOSURE_CONTROL',
            text: r.method.description,
            texts: { en: r.method.description },
          })),
          dataSets: [0],
        },
      ],
      dataSets: [{ structure: 0, action: 'Information', annotations: [], attributes: [], series }],
    },
  };
}

export type SdmxJsonMessage = ReturnType<typeof sdmxJsonMessage>;
