import type { Dataflow } from './dataflow.js';
import type { Observation } from './readObservations.js';

export const SDMX_CSV_TYPE = 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8';

/** RFC 4180 quoting, only when a field needs it. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The SDMX-CSV 2.0 header: STRUCTURE, STRUCTURE_ID, ACTION, the key dimensions, TIME_PERIOD, measures, attributes. */
export function sdmxCsvHeader(flow: Dataflow): string[] {
  return [
    'STRUCTURE',
    'STRUCTURE_ID',
    'ACTION',
    ...flow.keyDimensions,
    'TIME_PERIOD',
    'OBS_VALUE',
    'CONF_STATUS',
    'LOWER',
    'UPPER',
  ];
}

/**
 * SDMX-CSV 2.0: one row per observation; a suppressed cell has empty
 * OBS_VALUE, LOWER and UPPER and CONF_STATUS C. Lines end in CRLF (RFC 4180).
 */
export function sdmxCsv(flow: Dataflow, observations: readonly Observation[]): string {
  const lines = [sdmxCsvHeader(flow).join(',')];
  for (const o of observations) {
    const number = (n: number | null) => (n === null ? '' : String(n));
    lines.push(
      [
        'dataflow',
        flow.ref,
        'I',
        ...o.key,
        o.period,
        number(o.value),
        o.suppressed ? 'C' : 'F',
        number(o.lower),
        number(o.upper),
      ]
        .map(field)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
