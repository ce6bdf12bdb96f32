import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { LambdaFunction } from '@cognito-triggers/lambda-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cognitoClient,
  cognitoLocalConfig,
  createUserPool,
  startCognitoLocal,
  startLambdaServer,
  type CognitoLocal,
  type LambdaServer,
  type LocalUserPool,
} from '../src/index';

const bundlePath = fileURLToPath(new URL('./fixtures/trigger.mjs', import.meta.url));
const fn = new LambdaFunction({ name: 'pre-sign-up', bundlePath });
let lambda: LambdaServer;
let cognito: CognitoLocal;
let pool: LocalUserPool;
const client = () => cognitoClient(cognito.endpoint);

beforeAll(async () => {
  lambda = await startLambdaServer({ functions: { PreSignUp: fn } });
  cognito = await startCognitoLocal({ lambdaEndpoint: lambda.endpoint, triggerFunctions: { PreSignUp: 'PreSignUp' } });
  pool = await createUserPool(client());
});
afterAll(async () => {
  await cognito?.stop();
  await lambda?.stop();
  await fn.stop();
});

describe('cognitoLocalConfig', () => {
  it("points cognito-local's Lambda client at the local endpoint with no retries and Cognito's 5 s timeout", () => {
    expect(
      cognitoLocalConfig({
        lambdaEndpoint: 'http://127.0.0.1:1',
        triggerFunctions: { PreSignUp: 'PreSignUp' },
        port: 2,
      }),
    ).toMatchObject({
      LambdaClient: { endpoint: 'http://127.0.0.1:1', maxRetries: 0, httpOptions: { timeout: 5_000 } },
      TriggerFunctions: { PreSignUp: 'PreSignUp' },
      ServerConfig: { hostname: '127.0.0.1', port: 2 },
    });
  });
});

describe('startCognitoLocal', () => {
  it('calls the wired trigger and returns its rejection to the client as Cognito words it', async () => {
    const refused = await client()
      .send(new SignUpCommand({ ClientId: pool.clientId, Username: 'mallory@blocked.example', Password: 'Passw0rd!' }))
      .catch((error: unknown) => error as Error);
    expect(refused).toMatchObject({
      name: 'UserLambdaValidationException',
      message: 'PreSignUp failed with error Sign-ups with this e-mail domain are not allowed..',
    });
    expect(lambda.invocations().map((record) => record.triggerSource)).toContain('PreSignUp_SignUp');
  });

  it('makes the confirmation code it prints available to the caller', async () => {
    const signedUp = await client().send(
      new SignUpCommand({ ClientId: pool.clientId, Username: 'jane@example.com', Password: 'Passw0rd!' }),
    );
    const delivery = await cognito.waitForCode('jane@example.com');
    expect(delivery).toMatchObject({ destination: 'jane@example.com', username: signedUp.UserSub });
    expect(delivery.code).toMatch(/^\d{6}$/);
  });

  it('says which port is in use when it cannot listen', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startCognitoLocal({ lambdaEndpoint: lambda.endpoint, triggerFunctions: {}, port })).rejects.toThrow(
        `cognito-local cannot listen on 127.0.0.1:${port}: the port is in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it('removes its temporary directory when stopped', async () => {
    const other = await startCognitoLocal({ lambdaEndpoint: lambda.endpoint, triggerFunctions: {} });
    expect(existsSync(other.configDir)).toBe(true);
    await other.stop();
    expect(existsSync(other.configDir)).toBe(false);
  }, 60_000);
});
