import type { Dimension } from '../codes/dimensions.js';
import { FREQ_CODES } from '../metadata/dimensionDefinitions.js';
import { MEASURES, type Measure } from '../measures/measures.js';
import type { PeriodType } from '../releases/extract.js';
import { fineDimensionsOf } from '../releases/computeReleaseFromExtracts.js';

export const AGENCY = 'AMPARO';
export const DATAFLOW_VERSION = '1.0';

/** One dataflow per measure; its key is FREQ then the measure's dimensions in canonical order. */
export interface Dataflow {
  readonly measure: Measure;
  /** `AMPARO:CASES_OPENED(1.0)`, the SDMX-CSV STRUCTURE_ID. */
  readonly ref: string;
  readonly urn: string;
  /** The key positions, in order: FREQ first, then {@link fineDimensionsOf}. */
  readonly keyDimensions: readonly ['FREQ', ...Dimension[]];
}

export function dataflowOf(measure: Measure): Dataflow {
  return {
    measure,
    ref: `${AGENCY}:${measure}(${DATAFLOW_VERSION})`,
    urn: `urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${AGENCY}:${measure}(${DATAFLOW_VERSION})`,
    keyDimensions: ['FREQ', ...fineDimensionsOf(measure)],
  };
}

const isMeasure = (id: string): id is Measure => (MEASURES as readonly string[]).includes(id);

/**
 * Reads a dataflow reference as statisticians' tools write it: `CASES_OPENED`,
 * `AMPARO:CASES_OPENED(1.0)`, `AMPARO,CASES_OPENED,1.0`, `AMPARO,CASES_OPENED`
 * (version `latest` or `~` too). Null when it names no dataflow of ours.
 */
export function parseDataflowRef(raw: string): Dataflow | null {
  const match =
    /^(?:([A-Za-z0-9_.-]+):)?([A-Za-z0-9_]+)(?:\(([^)]*)\))?$/.exec(raw) ??
    /^([A-Za-z0-9_.-]+),([A-Za-z0-9_]+)(?:,([^,]*))?$/.exec(raw);
  if (!match) return null;
  const [, agency, id, version] = match;
  if (agency !== undefined && agency !== AGENCY && agency !== 'all' && agency !== '*') return null;
  if (version !== undefined && ![DATAFLOW_VERSION, 'latest', '~', '*', '+', 'all'].includes(version)) return null;
  return id !== undefined && isMeasure(id) ? dataflowOf(id) : null;
}

export const freqOf = (periodType: PeriodType): string =>
  FREQ_CODES.find((f) => f.periodType === periodType)?.code ?? 'M';

export const periodTypeOfFreq = (code: string): PeriodType | null =>
  FREQ_CODES.find((f) => f.code === code)?.periodType ?? null;
