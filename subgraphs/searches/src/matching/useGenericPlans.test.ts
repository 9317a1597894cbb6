import { describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../testing/useMigratedDatabase.js';
import { testProfile } from '../testing/testProfile.js';
import type { Queryable } from '@amparo/kit';
import { matchSearch } from './matchSearch.js';
import { useGenericPlans } from './useGenericPlans.js';

const store = useMigratedDatabase();

const search = testProfile('Juana', 'Tzoc', 'Xiquín', { id: '3f1c2a4e-8b7d-4c6a-9e5f-0a1b2c3d4e5f' });

describe('matching runs its statements on generic plans', () => {
  it('sets plan_cache_mode for its own transaction only, and PostgreSQL never custom-plans the blocking read', async () => {
    const inside = await store.db().transaction(async (tx) => {
      // Several searches, beyond the five executions after which PostgreSQL would first consider a generic plan.
      for (let i = 0; i < 7; i++) await matchSearch(tx, search);
      const [mode] = await tx.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode');
      // Named statements exist on PostgreSQL only (PGlite runs them unnamed): none there.
      const plans = await tx.query<{ generic_plans: string; custom_plans: string }>(
        `SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE '%WITH blocked AS MATERIALIZED%'`,
      );
      return { mode: mode?.plan_cache_mode, plans };
    });
    expect(inside.mode).toBe('force_generic_plan');
    for (const plan of inside.plans) {
      expect(Number(plan.custom_plans)).toBe(0);
      expect(Number(plan.generic_plans)).toBeGreaterThanOrEqual(7);
    }
    if (process.env.DATABASE_URL) expect(inside.plans.length).toBe(1);
    const [after] = await store.db().query<{ plan_cache_mode: string }>('SHOW plan_cache_mode');
    expect(after?.plan_cache_mode).toBe('auto');
  });

  it('sends the SET once per transaction, however many records it matches', async () => {
    const sent: string[][] = [];
    const counting = (tx: Queryable, into: string[]): Queryable => ({
      query: (sql, params, options) => {
        into.push(sql);
        return tx.query(sql, params, options);
      },
      exec: (sql) => tx.exec(sql),
    });
    for (let t = 0; t < 2; t++) {
      const statements: string[] = [];
      sent.push(statements);
      await store.db().transaction(async (tx) => {
        const seen = counting(tx, statements);
        for (let i = 0; i < 3; i++) await useGenericPlans(seen);
      });
    }
    expect(sent).toEqual([
      ['SET LOCAL plan_cache_mode = force_generic_plan'],
      ['SET LOCAL plan_cache_mode = force_generic_plan'],
    ]);
  });
});
