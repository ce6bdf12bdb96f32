import type { InvocationRecord, StoredEmail } from '@cognito-triggers/local-stack';
import { describeInvocation } from './describe-invocation';
import { firstLines, maskAddress, maskPersonalValues } from './mask';

/**
 * The personal values of the demo's user, masked wherever they appear in the report.
 *
 * @example
 * const personal: PersonalValues = { email: JANE.email, given_name: JANE.givenName, family_name: JANE.familyName };
 */
export type PersonalValues = Readonly<Record<string, string>>;

/**
 * Prints a step's heading.
 *
 * @example
 * step(1, 'Mallory signs up from a blocked domain');
 */
export function step(number: number, title: string): void {
  console.log(`\n${number}. ${title}`);
}

/**
 * Prints one line of a step, indented under its heading.
 *
 * @example
 * say('skipped: pre-sign-up not built');
 */
export function say(text: string): void {
  console.log(`   ${text}`);
}

/**
 * Prints which triggers ran and what each decided.
 *
 * @example
 * printInvocations(stack.lambda.invocations());
 */
export function printInvocations(records: readonly InvocationRecord[]): void {
  if (records.length === 0) say('no trigger ran');
  for (const record of records)
    say(
      `${record.functionName} (${record.app}) ran for ${record.triggerSource ?? 'an event'}: ${describeInvocation(record)}`,
    );
}

/**
 * Prints an e-mail's recipient, subject and first lines, personal data masked.
 *
 * @example
 * printMessage({ to: ['jane@example.com'], subject: 'Welcome', text: 'Hi Jane,' }, { given_name: 'Jane' });
 */
export function printMessage(
  message: { to: readonly string[]; subject: string; text: string | undefined },
  personal: PersonalValues,
  lines = 3,
): void {
  say(`e-mail to ${message.to.map(maskAddress).join(', ')}: "${maskPersonalValues(message.subject, personal)}"`);
  for (const line of firstLines(message.text, lines)) say(`  | ${maskPersonalValues(line, personal)}`);
}

/**
 * Prints the e-mails the SES emulator received.
 *
 * @example
 * printEmails(await stack.ses.emails(), personal);
 */
export function printEmails(emails: readonly StoredEmail[], personal: PersonalValues): void {
  if (emails.length === 0) say('no e-mail sent through SES');
  for (const email of emails)
    printMessage({ to: email.destination.to, subject: email.subject, text: email.body.text }, personal);
}
