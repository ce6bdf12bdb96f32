import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { endpointToken } from '../src/stores/endpoint-token';

const secrets = mockClient(SecretsManagerClient);
// Test files share a process (isolate: false): a stub left on a client's prototype would answer
// another file's real calls.
afterAll(() => secrets.restore());
const ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:legacy-verify-AbCdEf';
const signal = new AbortController().signal;
beforeEach(() => secrets.reset());

describe('endpointToken', () => {
  it('fetches the secret once, keeps it for the TTL, then fetches it again (rotation)', async () => {
    let clock = 0;
    secrets.on(GetSecretValueCommand).resolvesOnce({ SecretString: 'first\n' }).resolves({ SecretString: 'second' });
    const token = endpointToken(new SecretsManagerClient({}), ARN, { ttlMs: 1_000, now: () => clock });
    expect(await token(signal)).toBe('first');
    clock = 999;
    expect(await token(signal)).toBe('first');
    clock = 1_000;
    expect(await token(signal)).toBe('second');
    expect(secrets.commandCalls(GetSecretValueCommand).map((call) => call.args[0].input)).toEqual([
      { SecretId: ARN },
      { SecretId: ARN },
    ]);
  });

  it('does not keep a failure: the next call asks again', async () => {
    secrets.on(GetSecretValueCommand).rejectsOnce(new Error('throttled')).resolves({ SecretString: 'token' });
    const token = endpointToken(new SecretsManagerClient({}), ARN);
    await expect(token(signal)).rejects.toThrow('throttled');
    expect(await token(signal)).toBe('token');
  });

  it('refuses a secret without a string value', async () => {
    secrets.on(GetSecretValueCommand).resolves({ SecretBinary: new Uint8Array([1]) });
    await expect(endpointToken(new SecretsManagerClient({}), ARN)(signal)).rejects.toThrow('has no SecretString');
  });
});
