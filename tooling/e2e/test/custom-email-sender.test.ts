import { ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { appFunctionOf, startLocalStack, type LocalStack } from '@cognito-triggers/local-stack';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const PASSWORD = 'Correct-Horse-1';
let stack: LocalStack;

beforeAll(async () => {
  // Only the sender: with it wired, cognito-local hands it every code (encrypted with the KMS
  // emulator's key) and prints none. It has no cognitoTrigger field, so the derived wiring leaves it out.
  stack = await startLocalStack({
    table: [await appFunctionOf('custom-email-sender', 'CustomEmailSender')],
    require: ['custom-email-sender'],
  });
});
afterAll(async () => {
  await stack?.stop();
});
beforeEach(async () => {
  await stack.ses.clear();
  stack.lambda.clear();
});

/** A variable as the running sender got it: its local settings (apps/custom-email-sender/src/settings.ts). */
function configured(variable: string): string {
  const value = stack.environments['custom-email-sender']?.[variable];
  if (value === undefined) throw new Error(`custom-email-sender runs without ${variable} in the local stack`);
  return value;
}

async function signUp(email: string): Promise<void> {
  await stack.cognito.client.send(
    new SignUpCommand({
      ClientId: stack.cognito.clientId,
      Username: email,
      Password: PASSWORD,
      UserAttributes: [{ Name: 'given_name', Value: 'Jane' }],
    }),
  );
}

/** The code in the e-mail's code block. */
function codeIn(html: string | undefined): string {
  const code = /letter-spacing:4px[^>]*>([^<]+)<\/p>/.exec(html ?? '')?.[1];
  if (!code) throw new Error('no code block in the e-mail');
  return code;
}

describe('the custom e-mail sender driven by cognito-local', () => {
  it('delivers the sign-up code in the branded e-mail through SES, and that code confirms the account', async () => {
    const email = `sender.${Date.now().toString(36)}@example.com`;
    await signUp(email);
    const emails = await stack.ses.emails();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({
      from: configured('EMAIL_FROM'),
      destination: { to: [email] },
      subject: `Confirm your ${configured('APP_NAME')} account`,
    });
    expect(emails[0]?.body.html).toContain('<p>Hi Jane,</p>');
    // cognito-local printed nothing: the sender was the only way the code could reach the user.
    expect(stack.cognito.deliveries().filter((delivery) => delivery.destination === email)).toEqual([]);
    await expect(
      stack.cognito.client.send(
        new ConfirmSignUpCommand({
          ClientId: stack.cognito.clientId,
          Username: email,
          ConfirmationCode: codeIn(emails[0]?.body.html),
        }),
      ),
    ).resolves.toBeDefined();
    const [invocation] = stack.lambda.invocations();
    expect(invocation).toMatchObject({ app: 'custom-email-sender', triggerSource: 'CustomEmailSender_SignUp' });
    expect(JSON.stringify(invocation?.logs)).not.toContain(codeIn(emails[0]?.body.html));
  });

  it('sends one e-mail when the same encrypted event is delivered three more times at once', async () => {
    const email = `duplicate.${Date.now().toString(36)}@example.com`;
    await signUp(email);
    expect(await stack.ses.emails()).toHaveLength(1);
    const [original] = stack.lambda.invocations();
    expect(original?.triggerSource).toBe('CustomEmailSender_SignUp');
    const deliveries = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${stack.lambda.endpoint}/2015-03-31/functions/custom-email-sender/invocations`, {
          method: 'POST',
          body: JSON.stringify(original?.event),
        }),
      ),
    );
    expect(deliveries.map((response) => response.status)).toEqual([200, 200, 200]);
    expect(await stack.ses.emails()).toHaveLength(1);
    const lines = stack.lambda
      .invocations()
      .slice(1)
      .flatMap((record) => record.logs)
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.message === 'invocation finished');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatchObject({ outcome: 'success', sent: false, duplicateOf: 'completed' });
  });
});
