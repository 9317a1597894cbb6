import { ANONYMOUS, isRole, scopesForRole, type Principal } from '@amparo/schema';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { BoundedCache } from '../cache/BoundedCache.js';

export class AuthenticationError extends Error {
  override readonly name = 'AuthenticationError';
}

export interface TrustedIssuer {
  readonly issuer: string;
  readonly audience: string;
  readonly keys: JWTVerifyGetKey;
}

export type Authenticate = (authorization: string | undefined) => Promise<Principal>;

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** A JWKS-backed issuer (an OIDC provider): keys are fetched and cached by jose. */
export function remoteIssuer(issuer: string, audience: string, jwksUrl: string): TrustedIssuer {
  return { issuer, audience, keys: createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000 }) };
}

/**
 * Turns an `Authorization` header into a principal. No header: `public`.
 * Anything wrong — malformed, expired, wrong signature, issuer or audience,
 * unknown role — is an AuthenticationError (HTTP 401), never a partial answer.
 * Scopes come from the role table, not from the token.
 */
export function createAuthenticator(issuers: readonly TrustedIssuer[]): Authenticate {
  // A verified token is remembered until it expires: one signature check per
  // token, not per request. Bounded, and an expired entry is never used.
  const verified = new BoundedCache<string, { principal: Principal; expiresAt: number }>(10_000);
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
    if (!match) throw new AuthenticationError('Authorization must be "Bearer <JWT>"');
    const token = match[1] as string;
    const cached = verified.get(token);
    if (cached) {
      if (cached.expiresAt > Date.now()) return cached.principal;
      verified.delete(token);
    }
    for (const trusted of issuers) {
      let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
      try {
        ({ payload } = await jwtVerify(token, trusted.keys, {
          issuer: trusted.issuer,
          audience: trusted.audience,
          algorithms: ALGORITHMS,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch {
        continue;
      }
      const role = payload.role;
      if (!isRole(role) || role === 'public') throw new AuthenticationError('token carries no known role');
      const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
      const principal: Principal = {
        sub: payload.sub as string,
        role,
        org: str(payload.org),
        orgKind: str(payload.org_kind),
        scopes: scopesForRole(role),
        client: str(payload.azp) ?? str(payload.client_id),
      };
      verified.set(token, { principal, expiresAt: (payload.exp as number) * 1000 });
      return principal;
    }
    throw new AuthenticationError('invalid or expired token');
  };
}
