import type { Measure } from '../measures/measures.js';
import type { PeriodType } from './extract.js';

/**
 * One de-identified count that an owning subgraph delivers (README, "Extract
 * contract"): a measure, the codes of its fine cell and a count. No names,
 * ids, dates of birth or free text; never a migration status.
 */
export interface ExtractCell {
  readonly measure: Measure;
  /** One code per dimension of the measure's fine cell, e.g. { COUNTRY: 'MX', SEX: 'F', AGE_GROUP: 'Y18T24' }. */
  readonly dims: Readonly<Record<string, string>>;
  readonly count: number;
  /**
   * Optional keyed hash of the person (HMAC with a key the statistics
   * subgraph never sees, rotated per period). When present, the row is one
   * person's records in this fine cell and statistics caps each person's
   * total per measure at the contribution cap itself; when absent, the
   * owning subgraph has already capped and summed.
   */
  readonly personKeyHash?: string;
}

/** What one owning subgraph (cases, interpreters, searches, services) returns for one period. */
export interface StatisticsExtract {
  /** '2026-10', '2026-Q4' or '2026'. */
  readonly period: string;
  /** Derived from `period` when omitted. */
  readonly periodType?: PeriodType;
  readonly cells: readonly ExtractCell[];
}

/** The period type a period code denotes, or null when it is not one. */
export function periodTypeOf(period: string): PeriodType | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return 'MONTH';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'QUARTER';
  if (/^\d{4}$/.test(period)) return 'YEAR';
  return null;
}
