const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in canonical text form; anything else never reaches a `::uuid` cast. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
