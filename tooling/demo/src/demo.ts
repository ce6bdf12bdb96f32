import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { LambdaFunction } from '@cognito-triggers/lambda-runtime';
import { startSesEmulator, type StoredEmail } from '@cognito-triggers/local-stack';
import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { firstLines, maskAddress, maskPersonalValues } from './mask';

const require = createRequire(import.meta.url);
const appDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

function printEmails(emails: StoredEmail[], attributes: Readonly<Record<string, string>>): void {
  if (emails.length === 0) console.log('    no e-mail sent');
  for (const email of emails) {
    console.log(`    e-mail to ${email.destination.to.map(maskAddress).join(', ')}: "${email.subject}"`);
    for (const line of firstLines(email.body.text, 3)) console.log(`      | ${maskPersonalValues(line, attributes)}`);
  }
}

function decision(logs: string[]): string {
  const lines = logs.map((line) => JSON.parse(line) as Record<string, unknown>);
  const summary = lines.find((line) => line.message === 'invocation finished');
  const skipped = lines.find((line) => line.message === 'no e-mail sent');
  const sent = lines.find((line) => line.message === 'e-mail sent');
  if (sent) return `sent the ${String(sent.emailKind)} e-mail (${String(summary?.durationMs)} ms)`;
  if (skipped) return `sent nothing: ${String(skipped.reason)}`;
  return `${String(summary?.outcome)}${typeof summary?.errorName === 'string' ? `: ${summary.errorName}` : ''}`;
}

async function main(): Promise<void> {
  console.log('Cognito triggers demo: the built post-confirmation bundle on Node 24, sending through a local SES emulator\n');
  const ses = await startSesEmulator();
  const fn = new LambdaFunction({
    name: 'post-confirmation',
    bundlePath: join(appDir('post-confirmation'), 'dist', 'index.mjs'),
    environment: { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme', APP_URL: 'https://app.acme.example', AWS_ENDPOINT_URL_SES: ses.endpoint },
  });
  const steps = [
    { title: 'Jane confirms her sign-up (PostConfirmation_ConfirmSignUp)', event: triggerEvent('PostConfirmation_ConfirmSignUp') },
    { title: 'Jane resets her password (PostConfirmation_ConfirmForgotPassword)', event: triggerEvent('PostConfirmation_ConfirmForgotPassword') },
    {
      title: 'A user whose address is not verified confirms by phone',
      event: triggerEvent('PostConfirmation_ConfirmSignUp', { request: { userAttributes: { email_verified: 'false' } } }),
    },
  ];
  try {
    let failures = 0;
    for (const [index, step] of steps.entries()) {
      await ses.clear();
      const result = await fn.invoke(step.event);
      console.log(`${index + 1}. ${step.title}`);
      console.log(`    post-confirmation ${result.ok ? decision(result.logs) : `FAILED: ${result.error.errorMessage}`}`);
      if (!result.ok) failures += 1;
      printEmails(await ses.emails(), step.event.request.userAttributes);
      console.log('');
    }
    console.log(failures === 0 ? 'Demo finished: every step returned the event to Cognito.' : `Demo finished with ${failures} failed step(s).`);
    process.exitCode = failures === 0 ? 0 : 1;
  } finally {
    await fn.stop();
    await ses.stop();
  }
}

await main();
