import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { node24Binary } from '@cognito-triggers/lambda-runtime';

/**
 * The environment Lambda gives a nodejs24.x function (as `LambdaFunction` of
 * `@cognito-triggers/lambda-runtime` builds it), without `NODE_OPTIONS`: Lambda sets none by
 * default, and `--enable-source-maps` would add the source map's parsing to every cold start.
 *
 * @example
 * spawn(node24Binary(), [script], { env: lambdaEnvironment('post-confirmation', bundlePath, { EMAIL_FROM }) });
 */
export function lambdaEnvironment(
  functionName: string,
  bundlePath: string,
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    TZ: ':UTC',
    LANG: 'en_US.UTF-8',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
    AWS_LAMBDA_FUNCTION_NAME: functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    // The local SES endpoint accepts any credentials; the SDK only needs something to sign with.
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    LAMBDA_TASK_ROOT: dirname(bundlePath),
    ...extra,
  };
}

/**
 * Runs a workload script on Node 24 with stdout on /dev/null (the sink every logger writes to) and
 * resolves with the one message it sends back over IPC. Rejects with its stderr if it fails or
 * outlives `timeoutMs`.
 *
 * @example
 * const { importMs } = await runWorkload<{ importMs: number }>(probe, [bundlePath], { env, cwd });
 */
export function runWorkload<T>(
  script: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string; timeoutMs?: number },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(node24Binary(), [script, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let message: unknown;
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      // Keep only the tail: a failure's stack is what matters.
      stderr = (stderr + chunk).slice(-4_000);
    });
    child.on('message', (received) => {
      message = received;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const failure = (message as { error?: unknown } | undefined)?.error;
      if (code === 0 && message !== undefined && failure === undefined) {
        resolve(message as T);
        return;
      }
      const reason = signal ? `was killed (${signal})` : `exited with code ${code}`;
      reject(
        new Error(
          `${script} ${args[0] ?? ''} ${reason}: ${typeof failure === 'string' ? failure : stderr.trim() || 'no output'}`,
        ),
      );
    });
  });
}

/**
 * The items rotated by `round` places, so that over several rounds each variant runs in each
 * position and slow drift of the machine does not favour whichever always goes first.
 *
 * @example
 * rotate(['a', 'b', 'c'], 1); // ['b', 'c', 'a']
 */
export function rotate<T>(items: readonly T[], round: number): T[] {
  if (items.length === 0) return [];
  const shift = ((round % items.length) + items.length) % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}
