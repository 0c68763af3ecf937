/**
 * Compact RS256 JSON Web Tokens with node:crypto alone, for the Microsoft identity
 * double: signing the tokens Microsoft would issue (and the forged ones it would not),
 * and checking the app tokens the bot presents to the connector double. Only what those
 * doubles need: RS256, a `kid` header, `iss`/`aud`/`exp`/`nbf` checks.
 */
import { createSign, createVerify, type KeyObject } from 'node:crypto';

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export type JwtClaims = Record<string, unknown> & { iss?: string; aud?: string; exp?: number; nbf?: number };

/** Signs `claims` with RS256; `header` adds fields such as `kid` (or overrides `alg` to forge one). */
export function signJwt(claims: JwtClaims, privateKey: KeyObject, header: Record<string, unknown> = {}): string {
  const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', ...header }))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(input).sign(privateKey);
  return `${input}.${b64url(signature)}`;
}

/** Seconds since the epoch, as JWT claims count time. */
export const epochSeconds = (at = Date.now()) => Math.floor(at / 1000);

/**
 * The claims of a token signed with RS256 by `publicKey`, issued by `issuer` for `audience`
 * and current (5 minutes' leeway, as botbuilder allows); otherwise why it is not.
 */
export function verifyJwt(token: string, publicKey: KeyObject, expected: { issuer: string; audience: string }): { claims: JwtClaims } | { error: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { error: 'not a JWT' };
  let header: { alg?: string };
  let claims: JwtClaims;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: string };
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as JwtClaims;
  } catch {
    return { error: 'not a JWT' };
  }
  if (header.alg !== 'RS256') return { error: `algorithm ${String(header.alg)} is not RS256` };
  if (!createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(publicKey, Buffer.from(parts[2]!, 'base64url')))
    return { error: 'bad signature' };
  if (claims.iss !== expected.issuer) return { error: `issuer ${String(claims.iss)}` };
  if (claims.aud !== expected.audience) return { error: `audience ${String(claims.aud)}` };
  const now = epochSeconds();
  if (typeof claims.exp !== 'number' || claims.exp + 300 < now) return { error: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf - 300 > now) return { error: 'not yet valid' };
  return { claims };
}
