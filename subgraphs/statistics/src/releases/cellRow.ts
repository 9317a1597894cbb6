import type { Dimension } from '../codes/dimensions.js';

/** A row of `release_cells`: only the protected value, never a true count. */
export interface CellRow {
  release_id: string;
  measure: string;
  dimensions: Dimension[];
  codes: Partial<Record<Dimension, string>>;
  value: number | null;
  suppressed: boolean;
  lower: number | null;
  upper: number | null;
}

export const CELL_COLUMNS = 'release_id, measure, dimensions, codes, value, suppressed, lower, upper';

/** Loader key of the cells of one measure in one release. */
export const cellsKey = (releaseId: string, measure: string) => `${releaseId}:${measure}`;
