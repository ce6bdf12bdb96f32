import {
  AdminGetUserCommand,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { decodeJwtClaims, startLocalStack, type LocalStack } from '@cognito-triggers/local-stack';
import bcrypt from 'bcryptjs';
import { createLegacyUsersTable, importLegacyUsers } from 'user-migration/legacy-import';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// cognito-local 5.3.0 calls UserMigration from InitiateAuth/AdminInitiateAuth (USER_PASSWORD_AUTH)
// when no user of the pool has the username (or, in this e-mail-username pool, the e-mail) given,
// with a UserMigration_Authentication event (userName, request.password, request.validationData
// from the ClientMetadata). It saves the user with the returned attributes and status and the
// password typed, and turns any error of the function into NotAuthorizedException ("User not
// authorized"): the function's own message never reaches the client, as with Cognito.
const OLD_PASSWORD = 'Legacy-Passw0rd!';
let stack: LocalStack;
let dynamodb: DynamoDBClient;

function signIn(email: string, password: string): Promise<InitiateAuthCommandOutput> {
  return stack.cognito.client.send(
    new InitiateAuthCommand({
      ClientId: stack.cognito.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
}

function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  return promise.then(
    () => ({ name: 'none', message: 'the call succeeded' }),
    (error: unknown) => ({ name: (error as Error).name, message: (error as Error).message }),
  );
}

const migrations = () => stack.lambda.invocations().filter((record) => record.app === 'user-migration');

describe('moving legacy users into the pool as they sign in (user-migration through cognito-local)', () => {
  beforeAll(async () => {
    stack = await startLocalStack({ apps: ['user-migration'], require: ['user-migration'] });
    dynamodb = new DynamoDBClient({
      endpoint: stack.dynamodb?.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    // What an operator does before attaching the trigger: create the table (the CDK stack, in AWS)
    // and load the export.
    // The table the function was configured with (its local settings, apps/user-migration/src/settings.ts).
    const tableName = stack.environments['user-migration']?.LEGACY_TABLE_NAME ?? '';
    await createLegacyUsersTable(dynamodb, tableName);
    const passwordHash = await bcrypt.hash(OLD_PASSWORD, 10);
    const report = await importLegacyUsers({
      client: dynamodb,
      tableName,
      lines: ['ada', 'bob'].map((name) =>
        JSON.stringify({
          username: name,
          email: `${name}.legacy@example.com`,
          emailVerified: true,
          passwordHash,
          attributes: { first_name: name === 'ada' ? 'Ada' : 'Bob', tenant: 'acme-42' },
        }),
      ),
    });
    expect(report).toMatchObject({ imported: 2, rejected: [] });
  });
  beforeEach(() => stack.lambda.clear());
  afterAll(async () => {
    dynamodb?.destroy();
    await stack?.stop();
  });

  it('signs a legacy user in with the old password, creates them in the pool, and signs them in again without the trigger', async () => {
    const email = 'ada.legacy@example.com';
    const first = await signIn(email, OLD_PASSWORD);
    expect(decodeJwtClaims(first.AuthenticationResult?.IdToken ?? '')).toMatchObject({ email, token_use: 'id' });
    expect(migrations().map((record) => [record.triggerSource, record.result.ok])).toEqual([
      ['UserMigration_Authentication', true],
    ]);

    const user = await stack.cognito.client.send(
      new AdminGetUserCommand({ UserPoolId: stack.cognito.userPoolId, Username: email }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(Object.fromEntries((user.UserAttributes ?? []).map(({ Name, Value }) => [Name, Value]))).toMatchObject({
      email,
      email_verified: 'true',
      given_name: 'Ada',
      'custom:tenant_id': 'acme-42',
    });

    stack.lambda.clear();
    const again = await signIn(email, OLD_PASSWORD);
    expect(again.AuthenticationResult?.IdToken).toBeTruthy();
    expect(migrations()).toEqual([]);
  });

  it('refuses a wrong password with the user-safe message, and creates no user', async () => {
    const refused = await failureOf(signIn('bob.legacy@example.com', 'Legacy-Passw0rd?'));
    expect(refused.name).toBe('NotAuthorizedException');
    const [record] = migrations();
    expect(record?.result).toMatchObject({
      ok: false,
      error: { errorType: 'UserFacingError', errorMessage: 'Incorrect username or password.' },
    });
    const lookup = await failureOf(
      stack.cognito.client.send(
        new AdminGetUserCommand({ UserPoolId: stack.cognito.userPoolId, Username: 'bob.legacy@example.com' }),
      ),
    );
    expect(lookup.name).toBe('UserNotFoundException');
    // The right password still works afterwards: one wrong guess does not lock the user out.
    expect((await signIn('bob.legacy@example.com', OLD_PASSWORD)).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('answers a user the legacy store does not know exactly as a wrong password', async () => {
    const refused = await failureOf(signIn('nobody.legacy@example.com', OLD_PASSWORD));
    expect(refused.name).toBe('NotAuthorizedException');
    expect(migrations()[0]?.result).toMatchObject({
      ok: false,
      error: { errorType: 'UserFacingError', errorMessage: 'Incorrect username or password.' },
    });
  });
});
