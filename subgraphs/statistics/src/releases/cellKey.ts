import { canonicalDimensions, type Dimension } from '../codes/dimensions.js';

/**
 * Canonical text key of a published cell: its non-total codes in canonical
 * dimension order, e.g. 'SEX=F|AGE_GROUP=Y18T24'; '' is the grand total.
 */
export function cellKey(codes: Readonly<Partial<Record<Dimension, string>>>, dimensions: readonly Dimension[]): string {
  return canonicalDimensions(dimensions)
    .map((d) => `${d}=${codes[d]}`)
    .join('|');
}
