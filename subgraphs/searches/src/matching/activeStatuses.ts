/** Statuses of searches that are still looking, and so take part in matching. */
export const ACTIVE_STATUSES = ['OPEN', 'POTENTIAL_MATCH'] as const;

/**
 * ACTIVE_STATUSES as an SQL condition on `status`, written out rather than
 * bound: the partial indexes of migration 0006 hold only active searches,
 * and the planner uses them only when it can see the condition implies
 * theirs.
 */
export const ACTIVE_STATUS_CONDITION = `status IN (${ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
