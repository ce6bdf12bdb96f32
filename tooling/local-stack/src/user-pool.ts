import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  type SchemaAttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { LOCAL_USER_POOL } from './functions';

/**
 * A Cognito client for a local endpoint: dummy credentials, no retries (a retried call would hide
 * a failing trigger and could run it twice).
 *
 * @example
 * const client = cognitoClient(stack.cognito.endpoint);
 */
export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/**
 * The pool and app client the stack creates.
 *
 * @example
 * const pool: LocalUserPool = await createUserPool(client);
 * await client.send(new SignUpCommand({ ClientId: pool.clientId, Username: 'jane@example.com', Password: 'Passw0rd!' }));
 */
export interface LocalUserPool {
  readonly userPoolId: string;
  readonly clientId: string;
}

/**
 * Creates a user pool as an app would have it (e-mail as the username, e-mail verified by code,
 * the custom attributes the triggers use) and an app client allowing password sign-in.
 *
 * @example
 * const { userPoolId, clientId } = await createUserPool(cognitoClient(endpoint));
 */
export async function createUserPool(client: CognitoIdentityProviderClient, name = 'local'): Promise<LocalUserPool> {
  const schema: SchemaAttributeType[] = LOCAL_USER_POOL.customAttributes.map((attribute) => ({
    Name: attribute.name,
    AttributeDataType: attribute.type,
    Mutable: true,
  }));
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: name,
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: schema,
    }),
  );
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error('cognito-local created a user pool without an id');
  const appClient = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: `${name}-app`,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  const clientId = appClient.UserPoolClient?.ClientId;
  if (!clientId) throw new Error('cognito-local created an app client without an id');
  return { userPoolId, clientId };
}
