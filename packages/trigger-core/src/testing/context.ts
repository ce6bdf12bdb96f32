import type { Context } from 'aws-lambda';

/** A fake Lambda context whose remaining time the test controls. */
export interface FakeContext extends Context {
  /** Sets the time left from now, as `getRemainingTimeInMillis` will report it. */
  setRemainingMs(ms: number): void;
}

let requestCounter = 0;

/**
 * Creates a Lambda context for tests. Remaining time counts down in real time from `remainingMs`
 * (default 30 s, a common trigger timeout).
 *
 * @example
 * const context = fakeContext({ remainingMs: 1_000 });
 * await handler(event, context);
 */
export function fakeContext(
  options: { remainingMs?: number; awsRequestId?: string; functionName?: string } = {},
): FakeContext {
  let deadline = Date.now() + (options.remainingMs ?? 30_000);
  requestCounter += 1;
  const functionName = options.functionName ?? 'test-trigger';
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: options.awsRequestId ?? `00000000-0000-4000-8000-${String(requestCounter).padStart(12, '0')}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/27/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    setRemainingMs(ms: number) {
      deadline = Date.now() + ms;
    },
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
