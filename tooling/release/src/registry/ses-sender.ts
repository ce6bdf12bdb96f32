import { ReleaseConfigurationError } from './errors';
import type { TriggerSettings } from './settings';
import type { TriggerDefinition } from './triggers';

/**
 * The variable an `ses-send` trigger takes its sender from (`address` or `Name <address>`); the
 * registry requires such a trigger to list it as required, and its role may send from that address only.
 *
 * @example
 * trigger.environment.required.includes(SES_SENDER_VARIABLE); // true for every ses-send trigger
 */
export const SES_SENDER_VARIABLE = 'EMAIL_FROM';

// One plain ASCII address: the string IAM compares `ses:FromAddress` with, case-sensitively. The
// app reads EMAIL_FROM more thoroughly at cold start; this only has to find the same address.
const PLAIN_ADDRESS = /^[\x21-\x7e]+@[\x21-\x7e]+$/;
const NOT_IN_AN_ADDRESS = /[<>()",;:\\[\]]/;
// As the app refuses them: a line break anywhere in the sender, name included, could add a header.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * The bare address of a sender written `address` or `Name <address>`: what SES compares with the
 * `ses:FromAddress` condition of the trigger's role. Throws a message saying what is wrong.
 *
 * @example
 * senderAddress('Acme <hello@acme.example>'); // 'hello@acme.example'
 * senderAddress('hello@acme.example'); // 'hello@acme.example'
 */
export function senderAddress(sender: string): string {
  const text = sender.trim();
  const open = text.endsWith('>') ? text.lastIndexOf('<') : -1;
  const address = (open >= 0 ? text.slice(open + 1, -1) : text).trim();
  const at = address.indexOf('@');
  if (
    CONTROL.test(text) ||
    (open >= 0 && /[<>]/.test(text.slice(0, open))) ||
    !PLAIN_ADDRESS.test(address) ||
    NOT_IN_AN_ADDRESS.test(address) ||
    at !== address.lastIndexOf('@')
  ) {
    throw new Error(
      'must be one e-mail address of ASCII characters, or "Name <address>" (write an internationalised domain in its xn-- form)',
    );
  }
  return address;
}

/**
 * The address an `ses-send` trigger's role may send from: the bare address of its
 * {@link SES_SENDER_VARIABLE}. A missing or unreadable value is a {@link ReleaseConfigurationError}
 * naming the variable, so synthesis stops before any template is written.
 *
 * @example
 * sesFromAddress(trigger, { environment: { EMAIL_FROM: 'Acme <hello@acme.example>' } }); // 'hello@acme.example'
 */
export function sesFromAddress(trigger: TriggerDefinition, settings: Pick<TriggerSettings, 'environment'>): string {
  const sender = settings.environment[SES_SENDER_VARIABLE];
  if (sender === undefined) {
    throw new ReleaseConfigurationError(
      'MISSING_ENVIRONMENT',
      `${trigger.name} sends e-mail: it needs ${SES_SENDER_VARIABLE} set, the only address its role may send from`,
    );
  }
  try {
    return senderAddress(sender);
  } catch (error) {
    throw new ReleaseConfigurationError(
      'INVALID_ENVIRONMENT',
      `${SES_SENDER_VARIABLE} of ${trigger.name} ${(error as Error).message} (got ${JSON.stringify(sender)})`,
      { cause: error },
    );
  }
}
