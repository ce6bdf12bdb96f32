import type { LocalStack } from '@cognito-triggers/local-stack';

/**
 * What became of one confirmed user's welcome e-mail.
 *
 * @example
 * outcomes.filter((outcome) => outcome.welcomeEmails + outcome.deliveryFailures !== 1); // lost or doubled
 */
export interface WelcomeOutcome {
  readonly userSub: string;
  /** PostConfirmation_ConfirmSignUp invocations for this user. */
  readonly invocations: number;
  /** Welcome e-mails the SES emulator received for the user's address. */
  readonly welcomeEmails: number;
  /** Logged delivery failures identifying the user by `sub`: `invocation finished`, outcome failed, emailKind welcome. */
  readonly deliveryFailures: number;
  /** The failure lines themselves, to check they carry no personal data. */
  readonly failureLines: readonly string[];
}

type Line = Record<string, unknown>;

function parse(line: string): Line | undefined {
  try {
    const parsed = JSON.parse(line) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Line) : undefined;
  } catch {
    return undefined;
  }
}

function subOf(event: unknown): string | undefined {
  const sub = (event as { request?: { userAttributes?: { sub?: unknown } } } | null)?.request?.userAttributes?.sub;
  return typeof sub === 'string' ? sub : undefined;
}

/**
 * Accounts, for each user, for the welcome e-mail: how many the SES emulator received and how many
 * delivery failures post-confirmation logged for the user's `sub`, from what the stack recorded.
 *
 * @example
 * const outcomes = await welcomeOutcomes(stack, [{ email: 'jane@example.com', userSub }]);
 */
export async function welcomeOutcomes(
  stack: LocalStack,
  users: readonly { email: string; userSub: string }[],
): Promise<WelcomeOutcome[]> {
  const emails = await stack.ses.emails();
  const welcomesTo = new Map<string, number>();
  for (const email of emails) {
    if (!email.subject.startsWith('Welcome')) continue;
    for (const to of email.destination.to) welcomesTo.set(to, (welcomesTo.get(to) ?? 0) + 1);
  }
  const invocations = new Map<string, number>();
  const failures = new Map<string, string[]>();
  for (const record of stack.lambda.invocations()) {
    if (record.app !== 'post-confirmation' || record.triggerSource !== 'PostConfirmation_ConfirmSignUp') continue;
    const sub = subOf(record.event);
    if (sub) invocations.set(sub, (invocations.get(sub) ?? 0) + 1);
    for (const raw of record.logs) {
      const line = parse(raw);
      if (
        line?.level !== 'ERROR' ||
        line.message !== 'invocation finished' ||
        line.outcome !== 'failed' ||
        line.emailKind !== 'welcome'
      )
        continue;
      if (typeof line.userSub !== 'string') continue;
      failures.set(line.userSub, [...(failures.get(line.userSub) ?? []), raw]);
    }
  }
  return users.map(({ email, userSub }) => ({
    userSub,
    invocations: invocations.get(userSub) ?? 0,
    welcomeEmails: welcomesTo.get(email) ?? 0,
    deliveryFailures: failures.get(userSub)?.length ?? 0,
    failureLines: failures.get(userSub) ?? [],
  }));
}
