import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { faultShares, startLocalStack, type LocalStack } from '@cognito-triggers/local-stack';
import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { welcomeOutcomes, type WelcomeOutcome } from '../src/accounting';
import { FAULT_SHARES } from '../src/faults';
import { runSignUpFlows, type FlowResult } from '../src/load';

const USERS = 200;
const CONCURRENCY = 8;
let stack: LocalStack;
let results: FlowResult[];
let outcomes: WelcomeOutcome[];
/** What each trigger of a sign-up and confirmation is warmed with: events that send no e-mail. */
const WARM_UP_EVENTS = {
  'pre-sign-up': triggerEvent('PreSignUp_SignUp'),
  'custom-message': triggerEvent('CustomMessage_SignUp'),
  'post-confirmation': triggerEvent('PostConfirmation_ConfirmSignUp', {
    request: { userAttributes: { email: undefined, email_verified: undefined } },
  }),
};

beforeAll(async () => {
  stack = await startLocalStack({
    require: ['post-confirmation'],
    sesFaults: faultShares(FAULT_SHARES, 20261127),
    maxConcurrency: CONCURRENCY,
  });
  // Every instance the flows can use is started and past its cold start first: this test is about
  // SES faults, and on a loaded machine a cold start's init phase shortens the 5 s budget enough to
  // cut a send SES has already accepted (an e-mail sent and a failure logged), which would time the
  // machine, not the trigger. Cold starts against the deadline are the bundle tests' subject.
  for (const [app, event] of Object.entries(WARM_UP_EVENTS)) await stack.warm(app, event, CONCURRENCY);
  ({ results } = await runSignUpFlows(stack, { users: USERS, concurrency: CONCURRENCY }));
  outcomes = await welcomeOutcomes(
    stack,
    results
      .filter((result) => result.userSub !== undefined)
      .map((result) => ({ email: result.email, userSub: result.userSub ?? '' })),
  );
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe(`${USERS} sign-ups confirmed ${CONCURRENCY} at a time while SES fails a share of requests`, () => {
  it('injected every kind of fault, so the run proves something', () => {
    const counts = stack.sesFaultProxy?.counts();
    expect(counts?.throttle).toBeGreaterThan(0);
    expect(counts?.['server-error']).toBeGreaterThan(0);
    expect(counts?.reject).toBeGreaterThan(0);
    expect(counts?.hang).toBeGreaterThan(0);
  });

  it('blocks no confirmation: every ConfirmSignUp succeeds and every user ends up CONFIRMED', async () => {
    expect(results.filter((result) => !result.confirmed)).toEqual([]);
    const { client, userPoolId } = stack.cognito;
    const statuses = await Promise.all(
      results
        .slice(0, 20)
        .map(
          async (result) =>
            (await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: result.email }))).UserStatus,
        ),
    );
    expect(new Set(statuses)).toEqual(new Set(['CONFIRMED']));
  });

  it('ran every flow on warm instances, the warm-up having taken the cold starts', () => {
    const summaries = stack.lambda
      .invocations()
      .flatMap((record) => record.logs.map((line) => JSON.parse(line) as Record<string, unknown>))
      .filter((line) => line.message === 'invocation finished');
    expect(summaries.length).toBeGreaterThanOrEqual(USERS * 3);
    expect(summaries.filter((line) => line.coldStart !== false)).toEqual([]);
  });

  it('runs post-confirmation exactly once per confirmed user', () => {
    expect(outcomes.filter((outcome) => outcome.invocations !== 1)).toEqual([]);
  });

  it('gives every confirmed user exactly one welcome e-mail or exactly one logged delivery failure: none lost, none doubled', () => {
    const wrong = outcomes.filter((outcome) => outcome.welcomeEmails + outcome.deliveryFailures !== 1);
    expect(wrong).toEqual([]);
    expect(outcomes).toHaveLength(USERS);
    // Both paths must have been taken for the accounting to mean anything.
    expect(outcomes.some((outcome) => outcome.deliveryFailures === 1)).toBe(true);
    expect(outcomes.some((outcome) => outcome.welcomeEmails === 1)).toBe(true);
  });

  it('identifies each delivery failure by the user’s sub alone, with no personal data in the line', () => {
    const failures = outcomes.filter((outcome) => outcome.deliveryFailures === 1);
    for (const outcome of failures) {
      const line = outcome.failureLines[0] ?? '';
      const user = results.find((result) => result.userSub === outcome.userSub);
      expect(line).toContain(outcome.userSub);
      expect(line).not.toContain(user?.email ?? '@');
      expect(line).not.toMatch(/User\d+/);
    }
  });
});
