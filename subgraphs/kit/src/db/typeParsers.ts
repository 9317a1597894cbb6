/** PostgreSQL type oids whose text form we parse the same way on both stores. */
export const OID = { int8: 20, numeric: 1700, date: 1082 } as const;

/**
 * int8 (count(*)) and numeric become numbers: every such value in Amparo is a
 * count or a coordinate, far below 2^53. Dates stay 'YYYY-MM-DD' strings so no
 * time zone shifts a birth date.
 */
export const TEXT_PARSERS: Readonly<Record<number, (value: string) => unknown>> = {
  [OID.int8]: (v) => Number(v),
  [OID.numeric]: (v) => Number(v),
  [OID.date]: (v) => v,
};
