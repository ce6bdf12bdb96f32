import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * The verify endpoint's bearer token from Secrets Manager (`LEGACY_VERIFY_SECRET_ARN`), fetched
 * on first use and kept for `ttlMs`, so that a rotated secret is picked up within that time
 * without a call on every sign-in. A failed fetch is not kept: the next invocation tries again.
 *
 * @example
 * const token = endpointToken(new SecretsManagerClient({}), 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-verify-AbCdEf');
 * const value = await token(signal);
 */
export function endpointToken(
  client: SecretsManagerClient,
  secretId: string,
  options: { ttlMs?: number; now?: () => number } = {},
): (signal: AbortSignal) => Promise<string> {
  const ttlMs = options.ttlMs ?? 300_000;
  const now = options.now ?? Date.now;
  let cached: { value: Promise<string>; until: number } | undefined;
  return (signal) => {
    if (cached && cached.until > now()) return cached.value;
    const value = client
      .send(new GetSecretValueCommand({ SecretId: secretId }), { abortSignal: signal })
      .then((answer) => {
        const secret = answer.SecretString?.trim();
        if (!secret) throw new Error('the verify endpoint secret has no SecretString');
        return secret;
      });
    const entry = { value, until: now() + ttlMs };
    cached = entry;
    value.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return value;
  };
}
