import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { StageAppSettings, StageValue } from './registry/index';

/**
 * Where a secret in a stage file is kept (every {@link StageValue} that is not a plain string).
 *
 * @example
 * const reference: StageReference = { ssmParameter: '/acme/prod/app-url' };
 */
export type StageReference = Exclude<StageValue, string>;

/**
 * Reads a secret's current value; tests pass their own.
 *
 * @example
 * const resolve: ResolveReference = async () => 'value';
 */
export type ResolveReference = (reference: StageReference) => Promise<string>;

/**
 * Resolves references with SSM Parameter Store (`GetParameter`, decrypted) and Secrets Manager
 * (`GetSecretValue`, one JSON field when `jsonKey` is given), each client created on first use.
 *
 * @example
 * const value = await awsReferenceResolver()({ secretsManager: 'acme/prod/api', jsonKey: 'token' });
 */
export function awsReferenceResolver(): ResolveReference {
  let ssm: SSMClient | undefined;
  let secrets: SecretsManagerClient | undefined;
  return async (reference) => {
    if ('ssmParameter' in reference) {
      ssm ??= new SSMClient({});
      const answer = await ssm.send(new GetParameterCommand({ Name: reference.ssmParameter, WithDecryption: true }));
      const value = answer.Parameter?.Value;
      if (value === undefined) throw new Error(`SSM parameter ${reference.ssmParameter} has no value`);
      return value;
    }
    secrets ??= new SecretsManagerClient({});
    const answer = await secrets.send(new GetSecretValueCommand({ SecretId: reference.secretsManager }));
    const text = answer.SecretString;
    if (text === undefined) throw new Error(`secret ${reference.secretsManager} has no string value`);
    if (reference.jsonKey === undefined) return text;
    const field: unknown = (JSON.parse(text) as Record<string, unknown>)[reference.jsonKey];
    if (typeof field !== 'string') {
      throw new Error(`secret ${reference.secretsManager} has no string field "${reference.jsonKey}"`);
    }
    return field;
  };
}

/**
 * A stage's environment for one app with every reference resolved: what its function runs with.
 * Values are never printed; only names are.
 *
 * @example
 * const environment = await resolvedEnvironment(stageAppSettings(stage, trigger), awsReferenceResolver());
 */
export async function resolvedEnvironment(
  settings: StageAppSettings,
  resolve: ResolveReference,
): Promise<Record<string, string>> {
  const environment: Record<string, string> = {};
  for (const [variable, value] of Object.entries(settings.environment)) {
    environment[variable] = typeof value === 'string' ? value : await resolve(value);
  }
  return environment;
}
