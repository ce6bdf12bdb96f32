/**
 * The claims of a JWT, decoded without checking its signature: for showing and asserting what a
 * token carries, never for trusting it.
 *
 * @example
 * decodeJwtClaims(result.AuthenticationResult.IdToken).tenant_id; // 'acme-42'
 */
export function decodeJwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT: expected three dot-separated parts');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    throw new Error('not a JWT: its payload is not a JSON object');
  return claims as Record<string, unknown>;
}
