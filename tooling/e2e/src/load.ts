import { ConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { LocalStack } from '@cognito-triggers/local-stack';

/**
 * One user's sign-up and confirmation, as the load run saw it from the client.
 *
 * @example
 * const slowest = results.reduce((a, b) => (a.totalMs > b.totalMs ? a : b));
 */
export interface FlowResult {
  readonly email: string;
  /** Cognito's `sub` for the user, from the SignUp response. */
  readonly userSub: string | undefined;
  readonly signUpMs: number;
  readonly confirmMs: number;
  readonly totalMs: number;
  /** True when ConfirmSignUp answered with success. */
  readonly confirmed: boolean;
  /** What the client was told when a call failed. */
  readonly error: string | undefined;
}

/**
 * Options of {@link runSignUpFlows}.
 *
 * @example
 * const { results } = await runSignUpFlows(stack, { users: USERS, concurrency: CONCURRENCY });
 */
export interface LoadOptions {
  /** How many users sign up and confirm. */
  readonly users: number;
  /** How many flows run at once. */
  readonly concurrency: number;
  /** Makes the addresses unique to one run. */
  readonly tag?: string;
}

/**
 * Runs `users` sign-up-and-confirm flows through cognito-local at a fixed concurrency, reading each
 * code the way a user would receive it (cognito-local prints it), and returns each flow's outcome.
 *
 * @example
 * const { results, wallMs } = await runSignUpFlows(stack, { users: 200, concurrency: 8 });
 */
export async function runSignUpFlows(
  stack: LocalStack,
  options: LoadOptions,
): Promise<{ results: FlowResult[]; wallMs: number }> {
  const { client, clientId } = stack.cognito;
  const tag = options.tag ?? Date.now().toString(36);
  const results: FlowResult[] = [];
  let next = 0;
  const flow = async (index: number): Promise<FlowResult> => {
    const email = `load-${tag}-${index}@example.com`;
    const startedAt = performance.now();
    let signedUpAt = startedAt;
    let userSub: string | undefined;
    try {
      const signedUp = await client.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: email,
          Password: 'Correct-Horse-1',
          UserAttributes: [{ Name: 'given_name', Value: `User${index}` }],
        }),
      );
      userSub = signedUp.UserSub;
      signedUpAt = performance.now();
      const { code } = await stack.cognito.waitForCode(email, { timeoutMs: 30_000 });
      await client.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: code }));
      const doneAt = performance.now();
      return {
        email,
        userSub,
        signUpMs: signedUpAt - startedAt,
        confirmMs: doneAt - signedUpAt,
        totalMs: doneAt - startedAt,
        confirmed: true,
        error: undefined,
      };
    } catch (error) {
      const doneAt = performance.now();
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      return {
        email,
        userSub,
        signUpMs: signedUpAt - startedAt,
        confirmMs: doneAt - signedUpAt,
        totalMs: doneAt - startedAt,
        confirmed: false,
        error: message,
      };
    }
  };
  const worker = async () => {
    while (next < options.users) {
      const index = next;
      next += 1;
      results[index] = await flow(index);
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, options.users) }, () => worker()));
  return { results, wallMs: performance.now() - startedAt };
}

/**
 * The `p`-th percentile (0–100) of some durations, nearest-rank.
 *
 * @example
 * percentile([10, 20, 30, 40], 50); // 20
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
