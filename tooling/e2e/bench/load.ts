// pnpm --filter @cognito-triggers/e2e bench:load [-- --users 200 --concurrency 8 --no-faults]
// Reports the throughput and latency percentiles of sign-up + confirm flows through the local stack,
// with the SES fault proxy failing a share of requests (or not). Reported, never asserted.
import { faultShares, startLocalStack } from '@cognito-triggers/local-stack';
import { welcomeOutcomes } from '../src/accounting';
import { FAULT_SHARES } from '../src/faults';
import { percentile, runSignUpFlows } from '../src/load';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const users = option('users', 200);
const concurrency = option('concurrency', 8);
const faults = !process.argv.includes('--no-faults');
const stack = await startLocalStack({
  require: ['post-confirmation'],
  maxConcurrency: concurrency,
  ...(faults ? { sesFaults: faultShares(FAULT_SHARES, 20261127) } : {}),
});
try {
  console.log(
    `${users} sign-up + confirm flows, ${concurrency} at a time, SES faults ${faults ? JSON.stringify(FAULT_SHARES) : 'off'}`,
  );
  const { results, wallMs } = await runSignUpFlows(stack, { users, concurrency });
  const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;
  const row = (label: string, values: number[]) =>
    console.log(
      `  ${label.padEnd(22)} p50 ${ms(percentile(values, 50))}  p90 ${ms(percentile(values, 90))}  p99 ${ms(percentile(values, 99))}  max ${ms(Math.max(...values))}`,
    );
  const ok = results.filter((result) => result.confirmed);
  console.log(
    `  throughput             ${((ok.length / wallMs) * 1000).toFixed(1)} confirmed users/s (${ok.length}/${users} in ${(wallMs / 1000).toFixed(1)} s)`,
  );
  row(
    'SignUp',
    ok.map((result) => result.signUpMs),
  );
  row(
    'code + ConfirmSignUp',
    ok.map((result) => result.confirmMs),
  );
  row(
    'whole flow',
    ok.map((result) => result.totalMs),
  );
  const outcomes = await welcomeOutcomes(
    stack,
    ok.map((result) => ({ email: result.email, userSub: result.userSub ?? '' })),
  );
  const sent = outcomes.filter((outcome) => outcome.welcomeEmails === 1 && outcome.deliveryFailures === 0).length;
  const failed = outcomes.filter((outcome) => outcome.welcomeEmails === 0 && outcome.deliveryFailures === 1).length;
  console.log(
    `  welcome e-mails        ${sent} sent, ${failed} logged as failed, ${outcomes.length - sent - failed} lost or doubled`,
  );
  if (stack.sesFaultProxy) console.log(`  SES proxy              ${JSON.stringify(stack.sesFaultProxy.counts())}`);
  for (const result of results.filter((entry) => !entry.confirmed).slice(0, 5))
    console.log(`  failed flow: ${result.error ?? ''}`);
} finally {
  await stack.stop();
}
