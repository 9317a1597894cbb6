import { createPrivateKey, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { importJWK, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { scopesForRole } from '../roles/scopes.js';
import {
  createInternalSigner,
  createInternalVerifier,
  generateInternalKeyPair,
  hashBody,
  InternalTokenError,
  jwkKeyInput,
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

  it("carries the client's stated purpose, signed, and none when it stated none", async () => {
    const body = '{"query":"{a}"}';
    const stated = await verify(await sign({ ...claims, purpose: 'case review' }, 'cases', body), body);
    expect(stated.purpose).toBe('case review');
    expect((await verify(await sign(claims, 'cases', body), body)).purpose).toBeNull();
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

/**
 * The verifier is written with node:crypto; jose's jwtVerify, with the
 * options the verifier used to pass it, is the reference for its verdicts.
 * Every token below is signed with the gateway's key unless it says
 * otherwise, so only the claim and header checks can refuse it.
 */
describe('verdicts against jose jwtVerify', async () => {
  const keys = await generateInternalKeyPair();
  const privateKey = createPrivateKey(jwkKeyInput(keys.privateJwk));
  const joseKey = await importJWK(keys.publicJwk, 'EdDSA');
  const NOW = 1_800_000_000;
  const verify = await createInternalVerifier(keys.publicJwk, 'cases', () => NOW * 1000);
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signed = (header: unknown, payload: unknown): string => {
    const input = `${typeof header === 'string' ? header : b64(header)}.${typeof payload === 'string' ? payload : b64(payload)}`;
    return `${input}.${cryptoSign(null, Buffer.from(input), privateKey).toString('base64url')}`;
  };
  const body = '{"query":"{a}"}';
  const claims = {
    role: 'caseworker',
    org: 'org-1',
    rid: 'req-1',
    bh: hashBody(body),
    iss: 'amparo-gateway',
    aud: 'cases',
    sub: 'u1',
    jti: 'token-1',
    iat: NOW - 1,
    exp: NOW + 29,
  };
  const header = { alg: 'EdDSA' };
  const without = (claim: keyof typeof claims) =>
    Object.fromEntries(Object.entries(claims).filter(([k]) => k !== claim));
  const valid = signed(header, claims);
  const [h, p, s] = valid.split('.') as [string, string, string];

  const cases: Record<string, string> = {
    valid,
    'audience in a list': signed(header, { ...claims, aud: ['services', 'cases'] }),
    'another audience': signed(header, { ...claims, aud: 'services' }),
    'another issuer': signed(header, { ...claims, iss: 'someone' }),
    'no issuer': signed(header, without('iss')),
    'no audience': signed(header, without('aud')),
    'no jti': signed(header, without('jti')),
    'no exp': signed(header, without('exp')),
    'no iat': signed(header, without('iat')),
    'no sub': signed(header, without('sub')),
    'no body hash': signed(header, without('bh')),
    expired: signed(header, { ...claims, exp: NOW }),
    'exp as a string': signed(header, { ...claims, exp: String(NOW + 29) }),
    'iat as a string': signed(header, { ...claims, iat: String(NOW - 1) }),
    'issued in the future': signed(header, { ...claims, iat: NOW + 5 }),
    'issued 31 s ago': signed(header, { ...claims, iat: NOW - 31 }),
    'issued 30 s ago': signed(header, { ...claims, iat: NOW - 30 }),
    'not before later': signed(header, { ...claims, nbf: NOW + 1 }),
    'not before now': signed(header, { ...claims, nbf: NOW }),
    'nbf as a string': signed(header, { ...claims, nbf: 'soon' }),
    'alg none': signed({ alg: 'none' }, claims),
    'alg HS256': signed({ alg: 'HS256' }, claims),
    'alg Ed25519': signed({ alg: 'Ed25519' }, claims),
    'no alg': signed({}, claims),
    'unknown crit': signed({ alg: 'EdDSA', crit: ['exp'], exp: 1 }, claims),
    'header not JSON': signed(Buffer.from('{alg').toString('base64url'), claims),
    'payload an array': signed(header, b64([claims])),
    'payload not JSON': signed(header, Buffer.from('{"iss":').toString('base64url')),
    'payload changed after signing': `${h}.${b64({ ...claims, role: 'enforcement' })}.${s}`,
    'header changed after signing': `${b64({ alg: 'EdDSA', typ: 'JWT' })}.${p}.${s}`,
    'signature of another token': `${h}.${p}.${signed(header, { ...claims, jti: 'token-2' }).split('.')[2]}`,
    'signature cut short': `${h}.${p}.${s.slice(0, -4)}`,
    'no signature': `${h}.${p}.`,
    'four parts': `${valid}.${s}`,
    'two parts': `${h}.${p}`,
    'signed by another key': await (async () => {
      const other = createPrivateKey(jwkKeyInput((await generateInternalKeyPair()).privateJwk));
      return `${h}.${p}.${cryptoSign(null, Buffer.from(`${h}.${p}`), other).toString('base64url')}`;
    })(),
    empty: '',
    garbage: 'not a token at all',
  };
  // Where the verifier refuses what jose would take: shapes our signer never writes.
  const stricter = {
    'known crit': signed({ alg: 'EdDSA', crit: ['b64'], b64: true }, claims),
    'padded signature': `${h}.${p}.${s}==`,
    'sub a number': signed(header, { ...claims, sub: 7 }),
    'jti a number': signed(header, { ...claims, jti: 7 }),
  };

  const joseAccepts = async (token: string) =>
    jwtVerify(token, joseKey, {
      issuer: 'amparo-gateway',
      audience: 'cases',
      algorithms: ['EdDSA'],
      maxTokenAge: '30s',
      requiredClaims: ['jti', 'exp', 'iat', 'sub', 'bh'],
      currentDate: new Date(NOW * 1000),
    }).then(
      () => true,
      () => false,
    );
  const accepts = async (token: string) =>
    verify(token, body).then(
      () => true,
      (error) => {
        expect(error).toBeInstanceOf(InternalTokenError);
        return false;
      },
    );

  it.each(Object.entries(cases))('gives jose’s verdict: %s', async (_, token) => {
    expect(await accepts(token)).toBe(await joseAccepts(token));
  });

  it('accepts exactly the valid ones (the table is not all one verdict)', async () => {
    const accepted = [];
    for (const [name, token] of Object.entries(cases)) if (await accepts(token)) accepted.push(name);
    expect(accepted).toEqual(['valid', 'audience in a list', 'issued 30 s ago', 'not before now']);
  });

  it.each(Object.entries(stricter))('refuses what jose takes but our signer never writes: %s', async (_, token) => {
    expect(await joseAccepts(token)).toBe(true);
    expect(await accepts(token)).toBe(false);
  });

  it('reads the claims it accepted', async () => {
    const verified = await verify(valid, body);
    expect(verified).toMatchObject({ tokenId: 'token-1', expiresAt: NOW + 29, requestId: 'req-1' });
    expect(verified.principal).toMatchObject({ sub: 'u1', role: 'caseworker', org: 'org-1', orgKind: null });
  });

  it('refuses a key that is not Ed25519', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    await expect(createInternalVerifier(publicKey.export({ format: 'jwk' }), 'cases')).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });
});
