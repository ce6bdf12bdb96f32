import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwtClaims, startLocalStack, type LocalStack } from '@cognito-triggers/local-stack';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The apps these flows go through: the stack refuses to start, saying which one, if any is not
// built (pnpm test and pnpm test:e2e build every app first).
const APPS = ['pre-sign-up', 'custom-message', 'post-confirmation', 'pre-token-generation'];
const PASSWORD = 'Correct-Horse-1';
let stack: LocalStack;
let users = 0;

/** A fresh address per test: the pool lives as long as the file. */
function newAddress(): string {
  users += 1;
  return `user${users}.${Date.now().toString(36)}@example.com`;
}

async function signUp(email: string, attributes: Record<string, string> = {}): Promise<string> {
  const { client, clientId } = stack.cognito;
  const result = await client.send(
    new SignUpCommand({
      ClientId: clientId,
      Username: email,
      Password: PASSWORD,
      UserAttributes: Object.entries({ given_name: 'Jane', ...attributes }).map(([Name, Value]) => ({ Name, Value })),
    }),
  );
  return result.UserSub ?? '';
}

async function signUpAndConfirm(email: string, attributes: Record<string, string> = {}): Promise<string> {
  const sub = await signUp(email, attributes);
  const { code } = await stack.cognito.waitForCode(email);
  await stack.cognito.client.send(
    new ConfirmSignUpCommand({ ClientId: stack.cognito.clientId, Username: email, ConfirmationCode: code }),
  );
  return sub;
}

async function emailsTo(address: string) {
  return (await stack.ses.emails()).filter((email) => email.destination.to.includes(address));
}

function failureOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  return promise.then(
    () => ({ name: 'none', message: 'the call succeeded' }),
    (error: unknown) => ({ name: (error as Error).name, message: (error as Error).message }),
  );
}

beforeAll(async () => {
  stack = await startLocalStack({ require: APPS });
});

/** A variable as the running function got it: each app's local settings (its src/settings.ts). */
function configured(app: string, variable: string): string {
  const value = stack.environments[app]?.[variable];
  if (value === undefined) throw new Error(`${app} runs without ${variable} in the local stack`);
  return value;
}
beforeEach(() => stack.lambda.clear());
afterAll(async () => {
  await stack?.stop();
});

describe('sign-up and confirmation', () => {
  it('sends exactly one welcome e-mail, addressed to the user, when the sign-up is confirmed', async () => {
    const email = newAddress();
    await signUp(email);
    expect(await emailsTo(email)).toEqual([]);
    await signUpAndConfirmExisting(email);
    const received = await emailsTo(email);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      subject: `Welcome to ${configured('post-confirmation', 'APP_NAME')}`,
      from: configured('post-confirmation', 'EMAIL_FROM'),
    });
    expect(received[0]?.body.text).toContain('Hi Jane,');
  });

  it('refuses a wrong confirmation code and sends nothing', async () => {
    const email = newAddress();
    await signUp(email);
    const refused = await failureOf(
      stack.cognito.client.send(
        new ConfirmSignUpCommand({ ClientId: stack.cognito.clientId, Username: email, ConfirmationCode: '000000x' }),
      ),
    );
    expect(refused.name).toBe('CodeMismatchException');
    expect(await emailsTo(email)).toEqual([]);
    expect(stack.lambda.invocations().filter((record) => record.app === 'post-confirmation')).toEqual([]);
  });

  it('refuses a sign-up from a blocked domain with the user-safe message and creates no user', async () => {
    const blockedDomain = configured('pre-sign-up', 'BLOCKED_EMAIL_DOMAINS').split(',')[0] ?? '';
    const refused = await failureOf(signUp(`mallory@${blockedDomain}`));
    expect(refused.name).toBe('UserLambdaValidationException');
    expect(refused.message).toBe('PreSignUp failed with error Sign-ups with this e-mail domain are not allowed..');
    expect(stack.cognito.deliveries().some((delivery) => delivery.destination.endsWith(blockedDomain))).toBe(false);
  });

  it('sends the verification code in the branded message', async () => {
    const email = newAddress();
    await signUp(email);
    const delivery = await stack.cognito.waitForCode(email);
    const custom = stack.lambda.invocations().find((record) => record.triggerSource === 'CustomMessage_SignUp');
    expect(custom?.result.ok).toBe(true);
    const response = (custom?.result.ok
      ? (custom.result.payload as { response: { emailSubject: string; emailMessage: string } }).response
      : undefined) ?? { emailSubject: '', emailMessage: '' };
    expect(delivery.emailSubject).toBe(response.emailSubject);
    expect(response.emailSubject).toContain(configured('custom-message', 'APP_NAME'));
    expect(response.emailMessage).toContain('{####}');
  });

  it('reports ResendConfirmationCode as unsupported: a gap of cognito-local, not of the triggers', async () => {
    const email = newAddress();
    await signUp(email);
    const refused = await failureOf(
      stack.cognito.client.send(
        new ResendConfirmationCodeCommand({ ClientId: stack.cognito.clientId, Username: email }),
      ),
    );
    expect(refused.message).toContain('Unsupported');
  });
});

describe('sign-in', () => {
  it('returns an ID token for the confirmed user', async () => {
    const email = newAddress();
    const sub = await signUpAndConfirm(email, { 'custom:tenant_id': 'acme-42', 'custom:seats': '5' });
    const signedIn = await stack.cognito.client.send(
      new InitiateAuthCommand({
        ClientId: stack.cognito.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD },
      }),
    );
    const claims = decodeJwtClaims(signedIn.AuthenticationResult?.IdToken ?? '');
    expect(claims).toMatchObject({ sub, token_use: 'id', email });
  });

  it('puts the mapped claims into the ID token', async () => {
    const email = newAddress();
    await signUpAndConfirm(email, { 'custom:tenant_id': 'acme-42', 'custom:seats': '5' });
    const signedIn = await stack.cognito.client.send(
      new InitiateAuthCommand({
        ClientId: stack.cognito.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD },
      }),
    );
    // cognito-local sends version 1 events, whose claims are strings: seats:number arrives as "5".
    expect(decodeJwtClaims(signedIn.AuthenticationResult?.IdToken ?? '')).toMatchObject({
      tenant_id: 'acme-42',
      seats: '5',
    });
  });
});

describe('password reset', () => {
  it('sends the password-changed notice and never a welcome e-mail on ConfirmForgotPassword', async () => {
    const email = newAddress();
    await signUpAndConfirm(email);
    await stack.ses.clear();
    const { client, clientId } = stack.cognito;
    await client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
    const { code } = await stack.cognito.waitForCode(email, { skip: 1 });
    await client.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: email,
        ConfirmationCode: code,
        Password: 'Battery-Staple-2',
      }),
    );
    const received = await emailsTo(email);
    expect(received.map((message) => message.subject)).toEqual([
      `Your ${configured('post-confirmation', 'APP_NAME')} password was changed`,
    ]);
    expect(stack.lambda.invocations().map((record) => record.triggerSource)).toContain(
      'PostConfirmation_ConfirmForgotPassword',
    );
    const signedIn = await client.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD: 'Battery-Staple-2' },
      }),
    );
    expect(signedIn.AuthenticationResult?.IdToken).toBeTruthy();
  });
});

async function signUpAndConfirmExisting(email: string): Promise<void> {
  const { code } = await stack.cognito.waitForCode(email);
  await stack.cognito.client.send(
    new ConfirmSignUpCommand({ ClientId: stack.cognito.clientId, Username: email, ConfirmationCode: code }),
  );
}
