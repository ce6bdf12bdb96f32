import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import {
  DeadlineExceededError,
  TriggerFailedError,
  UserFacingError,
  defineTrigger,
  postConfirmation,
  preSignUp,
  type PostConfirmationEvent,
  type PreSignUpEvent,
  type TriggerFamily,
} from '../src/index';
import {
  AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT,
  captureLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  triggerEvent,
} from '../src/testing/index';

const failClosed: TriggerFamily<PostConfirmationEvent> = { ...postConfirmation, failurePolicy: 'reject' };
const retried: TriggerFamily<PostConfirmationEvent> = { ...postConfirmation, failurePolicy: 'rethrow' };

function summary(logs: ReturnType<typeof captureLogs>) {
  const lines = logs.withMessage('invocation finished');
  expect(lines).toHaveLength(1);
  return lines[0] ?? {};
}

describe('defineTrigger', () => {
  it('returns a two-argument async handler, as nodejs24.x requires', () => {
    const handler = defineTrigger(
      postConfirmation,
      { service: 't', writeLog: () => undefined },
      async (event) => event,
    );
    expect(handler.length).toBe(2);
  });

  it("returns the handler's result and logs one summary line with the invocation's context", async () => {
    const logs = captureLogs();
    const handler = defineTrigger(postConfirmation, { service: 'svc', writeLog: logs.write }, async (event) => event);
    const context = fakeContext({ awsRequestId: 'req-42' });
    const result = await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), context);
    expect(result.triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    expect(summary(logs)).toMatchObject({
      level: 'INFO',
      outcome: 'success',
      service: 'svc',
      awsRequestId: 'req-42',
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      userPoolId: 'eu-west-1_AbCdEf123',
      clientId: '1example23456789abcdefghij',
      coldStart: true,
    });
  });

  it('marks only the first invocation of an instance as a cold start', async () => {
    const logs = captureLogs();
    const handler = defineTrigger(postConfirmation, { service: 's', writeLog: logs.write }, async (event) => event);
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    expect(logs.withMessage('invocation finished').map((line) => line.coldStart)).toEqual([true, false]);
  });

  it("never gives the handler more than Cognito's 5 seconds, even when Lambda's timeout is longer", async () => {
    let remaining = Number.POSITIVE_INFINITY;
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: () => undefined },
      async (event, tools) => {
        remaining = tools.remainingMs();
        return event;
      },
    );
    // Warm: a cold start's budget also pays for the init phase, which on a busy machine can take seconds.
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 60_000 }));
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 60_000 }));
    expect(remaining).toBeLessThanOrEqual(5_000 - 300);
    expect(remaining).toBeGreaterThan(3_000);
  });

  it("counts a cold start's init phase against Cognito's 5 seconds in Lambda only, not in a long-running test process", async () => {
    const budgets = async (environment: Record<string, string>) => {
      const logs = captureLogs();
      const handler = defineTrigger(
        postConfirmation,
        { service: 's', environment, writeLog: logs.write },
        async (event) => event,
      );
      await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 60_000 }));
      await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 60_000 }));
      return logs.withMessage('invocation finished').map((line) => line.budgetMs);
    };
    const uptimeMs = Math.round(performance.now());
    const [lambdaCold, lambdaWarm] = await budgets({ AWS_LAMBDA_FUNCTION_NAME: 'pre-sign-up' });
    expect(lambdaWarm).toBe(5_000 - 300);
    expect(lambdaCold).toBeLessThan(5_000 - 300);
    expect(lambdaCold).toBeLessThanOrEqual(Math.max(0, 5_000 - 300 - uptimeMs));
    expect(await budgets({})).toEqual([5_000 - 300, 5_000 - 300]);
  });

  describe("a cold start's init phase, on a process clock the test moves", () => {
    // Only performance.now() is faked: the process's age, which is what the init phase is read from.
    const coldBudget = async (environment: Record<string, string>, initMs: number, waitMs: number) => {
      vi.useFakeTimers({ toFake: ['performance'] });
      try {
        vi.advanceTimersByTime(initMs);
        const logs = captureLogs();
        const handler = defineTrigger(
          postConfirmation,
          {
            service: 's',
            environment: { AWS_LAMBDA_FUNCTION_NAME: 'post-confirmation', ...environment },
            writeLog: logs.write,
          },
          async (event) => event,
        );
        vi.advanceTimersByTime(waitMs);
        await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 60_000 }));
        return summary(logs).budgetMs;
      } finally {
        vi.useRealTimers();
      }
    };

    it('counts for an on-demand cold start, whose first invocation follows init at once', async () => {
      expect(await coldBudget({ AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' }, 1_200, 5)).toBe(5_000 - 1_205 - 300);
      expect(await coldBudget({}, 1_200, 5)).toBe(5_000 - 1_205 - 300);
    });

    it('does not count with provisioned concurrency or SnapStart, where init ran before any request', async () => {
      for (const type of ['provisioned-concurrency', 'snap-start']) {
        expect(await coldBudget({ AWS_LAMBDA_INITIALIZATION_TYPE: type }, 1_200, 5)).toBe(5_000 - 300);
        expect(await coldBudget({ AWS_LAMBDA_INITIALIZATION_TYPE: type }, 1_200, 10 * 60_000)).toBe(5_000 - 300);
      }
    });

    it('does not count when the first invocation comes long after init, as after proactive initialisation', async () => {
      expect(await coldBudget({ AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' }, 1_200, 10 * 60_000)).toBe(5_000 - 300);
      expect(await coldBudget({ AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' }, 1_200, 1_001)).toBe(5_000 - 300);
      // Up to a second in between (extensions still starting) is still Cognito's wait.
      expect(await coldBudget({ AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' }, 1_200, 1_000)).toBe(5_000 - 2_200 - 300);
    });
  });

  it("gives the handler less than Lambda's remaining time when that is shorter than 5 seconds", async () => {
    let remaining = Number.POSITIVE_INFINITY;
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: () => undefined },
      async (event, tools) => {
        remaining = tools.remainingMs();
        return event;
      },
    );
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 1_000 }));
    expect(remaining).toBeLessThanOrEqual(700);
  });

  it('aborts the signal at the deadline and returns the event unchanged for a fail-open trigger', async () => {
    const logs = captureLogs();
    let abortReason: unknown;
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: logs.write, safetyMarginMs: 50 },
      (event, { signal }) => {
        event.request.userAttributes.email = 'changed@example.com';
        return new Promise((_, reject) => {
          signal.addEventListener('abort', () => {
            abortReason = signal.reason;
            reject(new Error('aborted by signal'));
          });
        });
      },
    );
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    const startedAt = Date.now();
    const result = await handler(event, fakeContext({ remainingMs: 300 }));
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(result).toEqual(triggerEvent('PostConfirmation_ConfirmSignUp'));
    expect(abortReason).toBeInstanceOf(DeadlineExceededError);
    expect(summary(logs)).toMatchObject({
      level: 'ERROR',
      outcome: 'failed',
      failurePolicy: 'return-event',
      errorName: 'DeadlineExceededError',
      errorCode: 'DEADLINE_EXCEEDED',
    });
  });

  it('returns the event as received, with only the response the handler set', async () => {
    const handler = defineTrigger(preSignUp, { service: 's', writeLog: () => undefined }, (event) => {
      event.userName = 'mallory';
      event.request.userAttributes.email = 'mallory@example.com';
      event.response.autoConfirmUser = true;
      return event;
    });
    const received = {
      ...triggerEvent('PreSignUp_SignUp'),
      request: { userAttributes: { email: 'jane.doe@example.com', email_verified: true } },
    } as unknown as PreSignUpEvent;
    const sent = structuredClone(received);
    const result = await handler(received, fakeContext());
    expect(result).toEqual({
      ...sent,
      response: { autoConfirmUser: true, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    expect(received).toEqual(sent);
  });

  it("returns the AWS documentation's sample event with its boolean email_verified as it came", async () => {
    const handler = defineTrigger(postConfirmation, { service: 's', writeLog: () => undefined }, (event) => event);
    const sample = {
      ...structuredClone(AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT),
      triggerSource: 'PostConfirmation_ConfirmSignUp',
    } as unknown as PostConfirmationEvent;
    const result = await handler(sample, fakeContext());
    expect(result).toEqual(sample);
    expect(result.request.userAttributes.email_verified).toBe(true);
  });

  it('gives every warm invocation its own deadline, one after another, whether the last one finished or timed out', async () => {
    const logs = captureLogs();
    let calls = 0;
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: logs.write, safetyMarginMs: 50 },
      (event): Promise<PostConfirmationEvent> => {
        calls += 1;
        // The first answers at once; the others never do, so only their deadline can end them.
        return calls === 1 ? Promise.resolve(event) : new Promise(() => undefined);
      },
    );
    for (let i = 0; i < 3; i += 1)
      await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 250 }));
    expect(logs.withMessage('invocation finished').map((line) => line.errorName ?? line.outcome)).toEqual([
      'success',
      'DeadlineExceededError',
      'DeadlineExceededError',
    ]);
  });

  it('keeps two invocations running side by side each to its own deadline', async () => {
    const logs = captureLogs();
    let firstAborted: Promise<void> = Promise.resolve();
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: logs.write, safetyMarginMs: 50, maxBudgetMs: 600_000 },
      (event, { signal, remainingMs }): Promise<PostConfirmationEvent> => {
        if (remainingMs() < 1_000) {
          firstAborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve()));
          return new Promise(() => undefined);
        }
        // The second, with minutes to spare, answers once the first has hit its deadline.
        return firstAborted.then(() => event);
      },
    );
    const short = handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 250 }));
    const long = handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 600_000 }));
    await Promise.all([short, long]);
    expect(logs.withMessage('invocation finished').map((line) => line.errorName ?? line.outcome)).toEqual([
      'DeadlineExceededError',
      'success',
    ]);
  });

  it('returns the original event when a fail-open handler throws, even after changing the event', async () => {
    const handler = defineTrigger(postConfirmation, { service: 's', writeLog: () => undefined }, async (event) => {
      event.request.userAttributes.email = 'changed@example.com';
      throw new Error('boom');
    });
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    const result = await handler(event, fakeContext());
    expect(result).toBe(event);
    expect(result.request.userAttributes.email).toBe('jane.doe@example.com');
  });

  it('returns the result of a handler that answers synchronously, checked like an async one', async () => {
    const logs = captureLogs();
    const handler = defineTrigger(postConfirmation, { service: 's', writeLog: logs.write }, (event) => event);
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    await expect(handler(event, fakeContext())).resolves.toEqual(event);
    expect(summary(logs)).toMatchObject({ outcome: 'success' });
    const malformed = defineTrigger(
      failClosed,
      { service: 's', writeLog: () => undefined },
      () => ({ ok: true }) as unknown as PostConfirmationEvent,
    );
    await expect(malformed(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext())).rejects.toThrow(
      TriggerFailedError,
    );
  });

  it("keeps to Cognito's limit when called with a hand-made context that cannot tell the remaining time", async () => {
    let remaining = Number.POSITIVE_INFINITY;
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: () => undefined },
      async (event, tools) => {
        remaining = tools.remainingMs();
        return event;
      },
    );
    const result = await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), {
      awsRequestId: 'console-test',
    } as unknown as Context);
    expect(result.triggerSource).toBe('PostConfirmation_ConfirmSignUp');
    expect(remaining).toBeLessThanOrEqual(5_000 - 300);
  });

  it('handles a handler that throws synchronously', async () => {
    const handler = defineTrigger(postConfirmation, { service: 's', writeLog: () => undefined }, () => {
      throw new Error('sync boom');
    });
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    await expect(handler(event, fakeContext())).resolves.toBe(event);
  });

  it('rejects with a generic user-safe message when a fail-closed handler fails, logging the details', async () => {
    const logs = captureLogs();
    const handler = defineTrigger(failClosed, { service: 's', writeLog: logs.write }, async () => {
      throw Object.assign(new Error('AccessDenied for jane.doe@example.com at arn:aws:iam::123:role/x'), {
        name: 'AccessDeniedException',
      });
    });
    const error: unknown = await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(TriggerFailedError);
    expect((error as Error).message).toBe('We could not complete your request right now. Please try again.');
    expect(summary(logs)).toMatchObject({
      outcome: 'failed',
      failurePolicy: 'reject',
      errorName: 'AccessDeniedException',
    });
    expect(findPersonalData(logs.raw.join(''), PERSONAL_VALUES)).toEqual([]);
  });

  it('rejects a fail-closed trigger at the deadline', async () => {
    const handler = defineTrigger(
      failClosed,
      { service: 's', writeLog: () => undefined, safetyMarginMs: 50 },
      () => new Promise(() => undefined),
    );
    await expect(
      handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext({ remainingMs: 200 })),
    ).rejects.toThrow(TriggerFailedError);
  });

  it('rethrows a sanitised error for a rethrow trigger, so that Lambda retries', async () => {
    const handler = defineTrigger(retried, { service: 's', writeLog: () => undefined }, async () => {
      throw Object.assign(new Error('Throttled sending to jane.doe@example.com'), { name: 'ThrottlingException' });
    });
    const error = (await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext()).catch(
      (caught: unknown) => caught,
    )) as Error;
    expect(error).toBeInstanceOf(TriggerFailedError);
    expect(error.message).toContain('ThrottlingException');
    expect(error.message).not.toContain('@');
  });

  it("passes a deliberate rejection's message to the user unchanged", async () => {
    const logs = captureLogs();
    const handler = defineTrigger(failClosed, { service: 's', writeLog: logs.write }, async () => {
      throw new UserFacingError('Sign-ups with this e-mail domain are not allowed.');
    });
    await expect(handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext())).rejects.toThrow(
      'Sign-ups with this e-mail domain are not allowed.',
    );
    expect(summary(logs)).toMatchObject({ level: 'INFO', outcome: 'rejected', errorCode: 'USER_REJECTION' });
  });

  it('logs a malformed event with the path that is wrong and applies the failure policy', async () => {
    const logs = captureLogs();
    let called = false;
    const handler = defineTrigger(postConfirmation, { service: 's', writeLog: logs.write }, async (event) => {
      called = true;
      return event;
    });
    const malformed = {
      ...triggerEvent('PostConfirmation_ConfirmSignUp'),
      request: { userAttributes: 'nope' },
    } as unknown as PostConfirmationEvent;
    await expect(handler(malformed, fakeContext())).resolves.toBe(malformed);
    expect(called).toBe(false);
    expect(summary(logs)).toMatchObject({
      errorName: 'InvalidEventError',
      errorMessage: 'request.userAttributes must be an object',
      path: 'request.userAttributes',
    });
  });

  it("handles the AWS documentation's sample event without a TypeError: it names the missing triggerSource", async () => {
    const logs = captureLogs();
    const handler = defineTrigger(postConfirmation, { service: 's', writeLog: logs.write }, async (event) => event);
    const sample = structuredClone(AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT) as unknown as PostConfirmationEvent;
    await expect(handler(sample, fakeContext())).resolves.toBe(sample);
    expect(summary(logs)).toMatchObject({ errorName: 'InvalidEventError', path: 'triggerSource' });
  });

  it('treats a result that is not the event as a failure and names what is wrong', async () => {
    const logs = captureLogs();
    const handler = defineTrigger(
      failClosed,
      { service: 's', writeLog: logs.write },
      async () => ({ ok: true }) as unknown as PostConfirmationEvent,
    );
    await expect(handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext())).rejects.toThrow(
      TriggerFailedError,
    );
    expect(summary(logs)).toMatchObject({ errorName: 'InvalidResponseError', path: 'result.triggerSource' });
  });

  it('logs a configuration error naming the variable on every invocation and still returns the event', async () => {
    const logs = captureLogs();
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: logs.write, environment: {}, config: (env) => ({ from: env.required('EMAIL_FROM') }) },
      async (event) => event,
    );
    const event = triggerEvent('PostConfirmation_ConfirmSignUp');
    await expect(handler(event, fakeContext())).resolves.toBe(event);
    await expect(handler(event, fakeContext())).resolves.toBe(event);
    const failures = logs.withMessage('invocation finished');
    expect(failures).toHaveLength(2);
    for (const line of failures)
      expect(line).toMatchObject({
        errorName: 'ConfigurationError',
        variable: 'EMAIL_FROM',
        errorMessage: 'EMAIL_FROM is required but is not set',
      });
  });

  it('reads the configuration once, at cold start', async () => {
    let reads = 0;
    const handler = defineTrigger(
      postConfirmation,
      {
        service: 's',
        writeLog: () => undefined,
        environment: { APP_NAME: 'Acme' },
        config: (env) => ((reads += 1), env.optional('APP_NAME')),
      },
      async (event, { config }) => {
        expect(config).toBe('Acme');
        return event;
      },
    );
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    expect(reads).toBe(1);
  });

  it('takes its log level from LOG_LEVEL', async () => {
    const logs = captureLogs();
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: logs.write, environment: { LOG_LEVEL: 'ERROR' } },
      async (event, { logger }) => {
        logger.info('chatty');
        return event;
      },
    );
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    expect(logs.raw).toEqual([]);
  });

  it('never logs the personal data of the event, whatever the outcome', async () => {
    const logs = captureLogs();
    const handler = defineTrigger(
      postConfirmation,
      { service: 's', writeLog: logs.write, environment: { LOG_LEVEL: 'DEBUG' } },
      async (event, { logger }) => {
        logger.debug('event received', { userName: event.userName, email: event.request.userAttributes.email });
        throw new Error(`cannot send to ${event.request.userAttributes.email}`);
      },
    );
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp', { userName: 'jane.doe@example.com' }), fakeContext());
    expect(findPersonalData(logs.raw.join(''), PERSONAL_VALUES)).toEqual([]);
  });
});
