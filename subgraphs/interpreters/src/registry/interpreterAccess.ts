import { forbidden } from '@amparo/kit';
import { isAllowed, type AccessRequirement, type Principal } from '@amparo/schema';

/**
 * What schema.graphql demands to read an `Interpreter`. The kit re-checks it
 * on fields that return an `Interpreter`, but `_entities` returns the
 * `_Entity` union, so the reference resolver checks it here as well.
 */
export const READ_INTERPRETERS: AccessRequirement = Object.freeze({
  authenticated: false,
  scopes: [['interpreters:read']],
  policies: [['firewall']],
});

/** Throws FORBIDDEN unless `principal` may read interpreters' records. */
export function assertMayReadInterpreters(principal: Principal): void {
  if (!isAllowed(principal, READ_INTERPRETERS)) throw forbidden();
}
