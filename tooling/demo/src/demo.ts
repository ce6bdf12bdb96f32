// pnpm demo: starts the local stack (cognito-local, the SES emulator, the built trigger apps on a
// local Lambda endpoint) and walks one user through sign-up, sign-in and a password reset with the
// AWS SDK's Cognito client, printing what each trigger decided and what the user received.
import {
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  decodeJwtClaims,
  startLocalStack,
  type CodeDelivery,
  type InvocationRecord,
  type LocalStack,
} from '@cognito-triggers/local-stack';
import { maskAddress } from './mask';
import { printEmails, printInvocations, printMessage, say, step, type PersonalValues } from './report';
import { htmlToText } from './text';

// The SDK's notice that it will soon need Node 22 is for whoever upgrades it, not for a demo reader.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const JANE = {
  email: 'jane.doe@example.com',
  givenName: 'Jane',
  familyName: 'Doe',
  tenant: 'acme-42',
  seats: '5',
} as const;
const PASSWORDS = { first: 'Correct-Horse-1', second: 'Battery-Staple-2' } as const;
const personal: PersonalValues = { email: JANE.email, given_name: JANE.givenName, family_name: JANE.familyName };

const problems: string[] = [];
function expectThat(condition: boolean, problem: string): void {
  if (!condition) {
    problems.push(problem);
    say(`!! ${problem}`);
  }
}

function errorText(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

/** Runs one step and returns the triggers it ran, printed. */
async function traced<T>(stack: LocalStack, action: () => Promise<T>): Promise<{ value: T; ran: InvocationRecord[] }> {
  const before = stack.lambda.invocations().length;
  await stack.ses.clear();
  const value = await action();
  const ran = stack.lambda.invocations().slice(before);
  printInvocations(ran);
  return { value, ran };
}

/** The message cognito-local delivered with a code: the CustomMessage trigger's text when it wrote one. */
function printCodeMessage(
  stack: LocalStack,
  delivery: CodeDelivery,
  ran: readonly InvocationRecord[],
  source: string,
): void {
  const custom = ran.find((record) => record.triggerSource === source);
  const response = custom?.result.ok
    ? ((custom.result.payload as { response?: { emailSubject?: string; emailMessage?: string } } | null)?.response ??
      {})
    : {};
  if (!stack.has('custom-message')) {
    say('skipped: custom-message not built; cognito-local printed its default message with the code');
    say(`code ${delivery.code} delivered to ${maskAddress(delivery.destination)} (read from cognito-local's console)`);
    return;
  }
  // cognito-local puts the code where the trigger wrote {####}, as Cognito does, and prints the result.
  const body = response.emailMessage?.replace('{####}', delivery.code).replace('{username}', delivery.username);
  expectThat(Boolean(response.emailSubject && body?.includes(delivery.code)), `the ${source} message carries no code`);
  printMessage(
    {
      to: [delivery.destination],
      subject: delivery.emailSubject ?? response.emailSubject ?? '',
      text: body ? htmlToText(body) : undefined,
    },
    personal,
    4,
  );
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  console.log(
    'Cognito triggers demo: cognito-local drives the built trigger bundles (Node 24) through a local Lambda endpoint; e-mails go to a local SES emulator.',
  );
  const stack = await startLocalStack({ require: ['post-confirmation'] });
  try {
    const { client, clientId } = stack.cognito;
    for (const { app, trigger } of stack.wired) say(`wired   ${trigger.padEnd(18)} -> ${app}`);
    for (const note of stack.skipped) say(`skipped ${note.trigger.padEnd(18)} -> ${note.app} ${note.reason}`);
    // What the functions run with: each app's local settings (its src/settings.ts).
    const blockedDomain = stack.environments['pre-sign-up']?.BLOCKED_EMAIL_DOMAINS?.split(',')[0]?.trim();
    const appName = stack.environments['post-confirmation']?.APP_NAME;

    step(1, `Mallory signs up from a blocked domain${blockedDomain ? ` (${blockedDomain})` : ''}`);
    if (stack.has('pre-sign-up') && blockedDomain) {
      const { value: outcome } = await traced(stack, () =>
        client
          .send(
            new SignUpCommand({
              ClientId: clientId,
              Username: `mallory@${blockedDomain}`,
              Password: PASSWORDS.first,
            }),
          )
          .then(
            () => undefined,
            (error: unknown) => errorText(error),
          ),
      );
      expectThat(outcome !== undefined, 'the blocked sign-up was accepted');
      if (outcome) say(`the app shows: ${outcome.name}: "${outcome.message}"`);
    } else {
      say(`skipped: pre-sign-up ${stack.has('pre-sign-up') ? 'blocks no domain locally' : 'not built'}`);
    }

    step(2, 'Jane signs up from an allowed domain');
    const signUp = await traced(stack, () =>
      client.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: JANE.email,
          Password: PASSWORDS.first,
          UserAttributes: [
            { Name: 'given_name', Value: JANE.givenName },
            { Name: 'family_name', Value: JANE.familyName },
            { Name: 'custom:tenant_id', Value: JANE.tenant },
            { Name: 'custom:seats', Value: JANE.seats },
          ],
        }),
      ),
    );
    say(
      `Cognito answers: user created, confirmed: ${String(signUp.value.UserConfirmed)}, code sent by ${signUp.value.CodeDeliveryDetails?.DeliveryMedium ?? 'nothing'}`,
    );
    const signUpCode = await stack.cognito.waitForCode(JANE.email);
    printCodeMessage(stack, signUpCode, signUp.ran, 'CustomMessage_SignUp');

    step(3, 'Jane confirms her sign-up with the code');
    await traced(stack, () =>
      client.send(
        new ConfirmSignUpCommand({ ClientId: clientId, Username: JANE.email, ConfirmationCode: signUpCode.code }),
      ),
    );
    const welcome = await stack.ses.emails();
    printEmails(welcome, personal);
    expectThat(
      welcome.length === 1 && welcome[0]?.subject === `Welcome to ${appName}`,
      'confirming did not send exactly one welcome e-mail',
    );

    step(4, 'Jane signs in');
    const signIn = await traced(stack, () =>
      client.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: JANE.email, PASSWORD: PASSWORDS.first },
        }),
      ),
    );
    const idToken = signIn.value.AuthenticationResult?.IdToken;
    expectThat(Boolean(idToken), 'signing in returned no ID token');
    const claims = idToken ? decodeJwtClaims(idToken) : {};
    if (stack.has('pre-token-generation')) {
      say(
        `ID token: tenant_id=${JSON.stringify(claims.tenant_id)}, seats=${JSON.stringify(claims.seats)}, token_use=${String(claims.token_use)}`,
      );
      expectThat(claims.tenant_id === JANE.tenant, 'the ID token lacks the mapped tenant_id claim');
    } else {
      say('skipped: pre-token-generation not built; the ID token carries only what cognito-local puts in:');
      say(
        `ID token: email=${maskAddress(String(claims.email))}, custom:tenant_id=${JSON.stringify(claims['custom:tenant_id'])}, token_use=${String(claims.token_use)}`,
      );
    }

    step(5, 'Jane forgets her password');
    const forgot = await traced(stack, () =>
      client.send(new ForgotPasswordCommand({ ClientId: clientId, Username: JANE.email })),
    );
    const resetCode = await stack.cognito.waitForCode(JANE.email, { skip: 1 });
    printCodeMessage(stack, resetCode, forgot.ran, 'CustomMessage_ForgotPassword');

    step(6, 'Jane sets a new password with the code');
    await traced(stack, () =>
      client.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: JANE.email,
          ConfirmationCode: resetCode.code,
          Password: PASSWORDS.second,
        }),
      ),
    );
    const notices = await stack.ses.emails();
    printEmails(notices, personal);
    const welcomes = notices.filter((email) => email.subject.startsWith('Welcome'));
    expectThat(welcomes.length === 0, 'the password reset sent a welcome e-mail');
    expectThat(
      notices.some((email) => email.subject.includes('password was changed')),
      'the password reset sent no password-changed notice',
    );
    if (welcomes.length === 0) say('no welcome e-mail: a password reset is not a sign-up');

    const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
    console.log(
      problems.length === 0
        ? `\nDemo finished in ${seconds} s: every step behaved as expected.`
        : `\nDemo finished in ${seconds} s with ${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
    process.exitCode = problems.length === 0 ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

try {
  await main();
} catch (error) {
  console.error(`\nThe demo could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
