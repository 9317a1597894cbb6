import { describe, expect, it } from 'vitest';
import { scopesForRole } from '../roles/scopes.js';
import {
  createInternalSigner,
  createInternalVerifier,
  generateInternalKeyPair,
  InternalTokenError,
} from './internalToken.js';
import { ReplayGuard } from './replayGuard.js';

const claims = {
  principal: {
    sub: 'u1',
    role: 'caseworker' as const,
    org: 'org-1',
    orgKind: 'NGO',
    scopes: scopesForRole('caseworker'),
  },
  requestId: 'req-1',
  operationName: 'Op',
  operationHash: 'abc',
};

describe('internal token', async () => {
  const keys = await generateInternalKeyPair();
  const sign = await createInternalSigner(keys.privateJwk);
  const verify = await createInternalVerifier(keys.publicJwk, 'cases');

  it('carries the principal to the subgraph it was signed for', async () => {
    const verified = await verify(await sign(claims, 'cases', '{"query":"{a}"}'), '{"query":"{a}"}');
    expect(verified.principal).toMatchObject({ sub: 'u1', role: 'caseworker', org: 'org-1', orgKind: 'NGO' });
    expect(verified.requestId).toBe('req-1');
  });

  it('is refused by another subgraph', async () => {
    const other = await createInternalVerifier(keys.publicJwk, 'services');
    await expect(other(await sign(claims, 'cases', 'b'), 'b')).rejects.toBeInstanceOf(InternalTokenError);
  });

  it('is refused with another body', async () => {
    await expect(verify(await sign(claims, 'cases', 'original'), 'tampered')).rejects.toThrow(/body/);
  });

  it('is refused when signed by another key', async () => {
    const forger = await createInternalSigner((await generateInternalKeyPair()).privateJwk);
    await expect(verify(await forger(claims, 'cases', 'b'), 'b')).rejects.toBeInstanceOf(InternalTokenError);
  });

  it('derives scopes from the role, not from the token', async () => {
    const inflated = {
      ...claims,
      principal: { ...claims.principal, role: 'enforcement' as const, scopes: scopesForRole('caseworker') },
    };
    const verified = await verify(await sign(inflated, 'cases', 'b'), 'b');
    expect(verified.principal.scopes).toEqual(scopesForRole('enforcement'));
  });
});

describe('system jobs', async () => {
  const keys = await generateInternalKeyPair();
  const sign = await createInternalSigner(keys.privateJwk);
  const verify = await createInternalVerifier(keys.publicJwk, 'cases');

  it('grants a system job its scopes, which no role holds', async () => {
    const verified = await verify(await sign({ ...claims, system: 'statistics-pipeline' }, 'cases', 'b'), 'b');
    expect(verified.principal.scopes).toContain('statistics:extract');
    expect(verified.system).toBe('statistics-pipeline');
  });

  it('gives an ordinary request no system scope', async () => {
    const verified = await verify(await sign(claims, 'cases', 'b'), 'b');
    expect(verified.principal.scopes).not.toContain('statistics:extract');
  });
});

describe('replay guard', () => {
  it('accepts a token id once until it expires', () => {
    const guard = new ReplayGuard();
    const now = 1_000_000;
    expect(guard.claim('t1', now / 1000 + 30, now)).toBe(true);
    expect(guard.claim('t1', now / 1000 + 30, now + 1)).toBe(false);
    expect(guard.claim('t2', now / 1000 + 30, now + 1)).toBe(true);
  });
});
