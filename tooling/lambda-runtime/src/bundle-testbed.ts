import { LambdaFunction, type InvokeResult } from './lambda-function';

/**
 * A place to run one app's built bundle in tests: every function it deploys is stopped together,
 * and every log line of every invocation is kept, so that a suite can end by checking all of its
 * log output at once (one JSON object per line, no personal data).
 *
 * @example
 * const testbed = bundleTestbed({ name: 'post-confirmation', bundlePath });
 * const fn = testbed.deploy({ EMAIL_FROM: 'hello@acme.example' });
 * const result = await testbed.invoke(fn, event);
 * afterAll(() => testbed.stop());
 */
export interface BundleTestbed {
  /** Starts the bundle as a function with this environment (on top of the testbed's own). */
  readonly deploy: (environment?: Readonly<Record<string, string>>) => LambdaFunction;
  /** Invokes a function and keeps its log lines. */
  readonly invoke: (fn: LambdaFunction, event: unknown) => Promise<InvokeResult>;
  /** Every log line of every invocation so far, in order. */
  readonly logs: readonly string[];
  /** How many invocations ran. */
  readonly invocations: () => number;
  /** Stops every function deployed. */
  readonly stop: () => Promise<void>;
}

/**
 * Creates a {@link BundleTestbed} for one app's `dist/index.mjs`.
 *
 * @example
 * const testbed = bundleTestbed({ name: 'pre-sign-up', bundlePath, environment: { AWS_REGION: 'eu-west-1' } });
 */
export function bundleTestbed(options: {
  name: string;
  bundlePath: string;
  environment?: Readonly<Record<string, string>>;
  timeoutMs?: number;
}): BundleTestbed {
  const functions: LambdaFunction[] = [];
  const logs: string[] = [];
  let invocations = 0;
  return {
    deploy: (environment = {}) => {
      const fn = new LambdaFunction({
        name: options.name,
        bundlePath: options.bundlePath,
        environment: { ...options.environment, ...environment },
        // Generous: a loaded CI machine starts Node 24 slowly; the deadline under test is the trigger's own.
        timeoutMs: options.timeoutMs ?? 10_000,
      });
      functions.push(fn);
      return fn;
    },
    invoke: async (fn, event) => {
      const result = await fn.invoke(event);
      invocations += 1;
      logs.push(...result.logs);
      return result;
    },
    logs,
    invocations: () => invocations,
    stop: async () => {
      await Promise.all(functions.splice(0).map((fn) => fn.stop()));
    },
  };
}

/**
 * An invocation's log lines, parsed. Throws on a line that is not JSON, which is a finding.
 *
 * @example
 * logRecords(result).find((line) => line.message === 'invocation finished');
 */
export function logRecords(result: Pick<InvokeResult, 'logs'>): Record<string, unknown>[] {
  return result.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
}
