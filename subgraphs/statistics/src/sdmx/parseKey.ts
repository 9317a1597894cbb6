import { isPublishedCode } from '../codes/codeLists.js';
import type { Dimension } from '../codes/dimensions.js';
import type { Dataflow } from './dataflow.js';
import { periodTypeOfFreq } from './dataflow.js';

/** Per key position, the codes asked for; null = every code (`_T` included). */
export type KeySelection = readonly (ReadonlySet<string> | null)[];

/** Why a key cannot be read, naming the 1-based position and its dimension. */
export interface KeyError {
  readonly position: number | null;
  readonly dimension: string | null;
  readonly detail: string;
}

/**
 * Reads an SDMX REST key: one `.`-separated position per key dimension,
 * `+` between alternatives, an empty position (or `*`) for all codes; `all`,
 * `*` or nothing selects everything.
 */
export function parseKey(raw: string | undefined, flow: Dataflow): KeySelection | KeyError {
  const dims = flow.keyDimensions;
  if (raw === undefined || raw === '' || raw === 'all' || raw === '*') return dims.map(() => null);
  const positions = raw.split('.');
  if (positions.length !== dims.length) {
    return {
      position: null,
      dimension: null,
      detail: `the key has ${positions.length} position(s); ${flow.measure} has ${dims.length}: ${dims.join('.')}`,
    };
  }
  const selection: (Set<string> | null)[] = [];
  for (const [i, position] of positions.entries()) {
    const dimension = dims[i] as 'FREQ' | Dimension;
    if (position === '' || position === '*') {
      selection.push(null);
      continue;
    }
    const codes = position.split('+');
    for (const code of codes) {
      const valid = dimension === 'FREQ' ? periodTypeOfFreq(code) !== null : isPublishedCode(dimension, code);
      if (!valid) {
        // Our own code lists are public; echoing the (short, pattern-checked) code helps the caller.
        const shown = /^[A-Za-z0-9_-]{1,20}$/.test(code) ? `"${code}"` : 'the value';
        return {
          position: i + 1,
          dimension,
          detail: `key position ${i + 1} (${dimension}): ${shown} is not a code of ${dimension}`,
        };
      }
    }
    selection.push(new Set(codes));
  }
  return selection;
}

export const isKeyError = (value: KeySelection | KeyError): value is KeyError => !Array.isArray(value);
