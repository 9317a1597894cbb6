import { createHash, createPrivateKey, randomUUID, sign as cryptoSign } from 'node:crypto';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { isRole } from '../roles/roles.js';
import { SYSTEM_JOBS, scopesForRole, type SystemJob } from '../roles/scopes.js';
import type { Principal } from '../roles/principal.js';

/** Header that carries the gateway's signature on every subgraph request. */
export const INTERNAL_TOKEN_HEADER = 'x-amparo-internal';
const ISSUER = 'amparo-gateway';
const ALGORITHM = 'EdDSA';
/** Long enough for a slow subgraph fetch to start, short enough to be useless when captured. */
export const INTERNAL_TOKEN_TTL_SECONDS = 30;

export interface InternalClaims {
  readonly principal: Principal;
  /** The client's request id, for logs and audit. */
  readonly requestId: string;
  /** Operation name and sha256 of the client operation, for audit. */
  readonly operationName: string | null;
  readonly operationHash: string | null;
  /** Set only for the gateway's own jobs; adds that job's scopes (never a client's). */
  readonly system?: SystemJob;
}

export interface VerifiedInternalClaims extends InternalClaims {
  /** Unique per subgraph request; the verifier refuses a second use. */
  readonly tokenId: string;
  readonly expiresAt: number;
}

export function hashBody(body: string | Uint8Array): string {
  return createHash('sha256').update(body).digest('base64url');
}

export interface InternalKeyPair {
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

/** A fresh Ed25519 key pair; `npm start` makes one per run. */
export async function generateInternalKeyPair(): Promise<InternalKeyPair> {
  const { generateKeyPair, exportJWK } = await import('jose');
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { crv: 'Ed25519', extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

export type InternalSigner = (claims: InternalClaims, audience: string, body: string) => Promise<string>;

/**
 * The gateway's side. The token names the subgraph it is meant for and the
 * sha256 of the exact body, so it cannot be replayed elsewhere or with
 * another query; a unique id lets the subgraph refuse a second use.
 */
export async function createInternalSigner(privateJwk: JWK): Promise<InternalSigner> {
  // Signed with node:crypto directly: jose's async signing costs a thread-pool
  // round trip per subgraph fetch (measured 225 µs vs 87 µs in the gateway
  // benchmark). The token is a plain compact JWS that jose verifies below.
  const key = createPrivateKey({ key: privateJwk as Record<string, unknown> & { kty: string }, format: 'jwk' });
  const header = Buffer.from(JSON.stringify({ alg: ALGORITHM })).toString('base64url');
  return async (claims, audience, body) => {
    const issuedAt = Math.floor(Date.now() / 1000);
    const payload = Buffer.from(
      JSON.stringify({
        role: claims.principal.role,
        org: claims.principal.org,
        org_kind: claims.principal.orgKind,
        rid: claims.requestId,
        ...(claims.system ? { sys: claims.system } : {}),
        op: claims.operationName,
        oph: claims.operationHash,
        bh: hashBody(body),
        iss: ISSUER,
        aud: audience,
        sub: claims.principal.sub,
        jti: randomUUID(),
        iat: issuedAt,
        exp: issuedAt + INTERNAL_TOKEN_TTL_SECONDS,
      }),
    ).toString('base64url');
    const signature = cryptoSign(null, Buffer.from(`${header}.${payload}`), key).toString('base64url');
    return `${header}.${payload}.${signature}`;
  };
}

export class InternalTokenError extends Error {
  override readonly name = 'InternalTokenError';
}

export type InternalVerifier = (token: string | undefined, body: string) => Promise<VerifiedInternalClaims>;

/**
 * The subgraph's side (F3). Scopes are recomputed from the role rather than
 * read from the token, so the role table in this package stays the one truth.
 */
export async function createInternalVerifier(publicJwk: JWK, audience: string): Promise<InternalVerifier> {
  const key = await importJWK(publicJwk, ALGORITHM);
  return async (token, body) => {
    if (!token) throw new InternalTokenError('missing internal token');
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience,
        algorithms: [ALGORITHM],
        maxTokenAge: `${INTERNAL_TOKEN_TTL_SECONDS}s`,
        requiredClaims: ['jti', 'exp', 'iat', 'sub', 'bh'],
      }));
    } catch {
      throw new InternalTokenError('invalid internal token');
    }
    if (payload.bh !== hashBody(body)) throw new InternalTokenError('internal token does not cover this body');
    if (!isRole(payload.role)) throw new InternalTokenError('internal token names no known role');
    const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    return {
      tokenId: payload.jti as string,
      expiresAt: payload.exp as number,
      requestId: str(payload.rid) ?? 'unknown',
      operationName: str(payload.op),
      operationHash: str(payload.oph),
      principal: {
        sub: payload.sub as string,
        role: payload.role,
        org: str(payload.org),
        orgKind: str(payload.org_kind),
        scopes:
          typeof payload.sys === 'string' && payload.sys in SYSTEM_JOBS
            ? [...scopesForRole(payload.role), ...SYSTEM_JOBS[payload.sys as SystemJob]]
            : scopesForRole(payload.role),
      },
      ...(typeof payload.sys === 'string' && payload.sys in SYSTEM_JOBS ? { system: payload.sys as SystemJob } : {}),
    };
  };
}
