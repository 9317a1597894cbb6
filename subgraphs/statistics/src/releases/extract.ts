import type { Dimension } from '../codes/dimensions.js';
import type { Measure } from '../measures/measures.js';

/**
 * De-identified input of a release: counts per fine cell (every dimension of
 * the measure set), no names, no ids, no free text. The owning subgraphs
 * produce these; statistics never reads their tables.
 */
export interface FineCell {
  readonly codes: Readonly<Partial<Record<Dimension, string>>>;
  readonly count: number;
}

export type PeriodType = 'MONTH' | 'QUARTER' | 'YEAR';

export interface PeriodExtract {
  /** '2026-10', '2026-Q4' or '2026'. */
  readonly period: string;
  readonly periodType: PeriodType;
  readonly measures: Readonly<Partial<Record<Measure, readonly FineCell[]>>>;
}
