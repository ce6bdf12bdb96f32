import type { Context } from 'aws-lambda';

/**
 * A Lambda context as the runtime hands it to a handler, for the benchmark's child processes.
 *
 * @example
 * await handler(event, lambdaContext('post-confirmation', requestId, 6_000));
 */
export function lambdaContext(functionName: string, awsRequestId: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${process.env.AWS_REGION ?? 'us-east-1'}:000000000000:function:${functionName}`,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE ?? '256',
    awsRequestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/**
 * A Lambda handler as the benchmark calls it.
 *
 * @example
 * const { handler } = (await import(pathToFileURL(bundlePath).href)) as { handler?: AnyHandler };
 */
export type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;

/**
 * Sends the result to the parent over IPC and exits once it is sent: keep-alive sockets of the SDK
 * would otherwise keep the process up.
 *
 * @example
 * report({ importMs });
 */
export function report(message: object): void {
  if (!process.send) throw new Error('this workload runs as a child of the benchmark (no IPC channel)');
  process.send(message, () => process.exit(0));
}

/**
 * Reports a failure to the parent and exits non-zero.
 *
 * @example
 * main().catch(fail);
 */
export function fail(error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`${text}\n`);
  if (process.send) process.send({ error: text }, () => process.exit(1));
  else process.exit(1);
}
