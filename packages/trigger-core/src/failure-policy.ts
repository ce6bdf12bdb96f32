/**
 * What an unexpected error or a missed deadline means for the user, per family (the README's
 * failure-policy table).
 */
import { TriggerFailedError } from './errors';
import type { TriggerFamily } from './family';
import { describeError } from './redact';

/**
 * The message an end user sees when a gate fails unexpectedly: nothing internal.
 *
 * @example
 * await expect(handler(event, fakeContext())).rejects.toThrow(GENERIC_USER_MESSAGE); // a fail-closed trigger that broke
 */
export const GENERIC_USER_MESSAGE = 'We could not complete your request right now. Please try again.';

/**
 * Applies the family's failure policy: returns the raw event as Cognito sent it (`return-event`),
 * or throws a {@link TriggerFailedError} with the generic user message (`reject`) or a sanitised
 * name of the error, so Lambda retries (`rethrow`).
 *
 * @example
 * return applyFailurePolicy(family, error, rawEvent, GENERIC_USER_MESSAGE);
 */
export function applyFailurePolicy<TEvent extends { triggerSource: string }>(
  family: TriggerFamily<TEvent>,
  error: unknown,
  rawEvent: TEvent,
  genericUserMessage: string,
): TEvent {
  if (family.failurePolicy === 'return-event') return rawEvent;
  if (family.failurePolicy === 'reject') throw new TriggerFailedError(genericUserMessage);
  const { errorName, errorCode } = describeError(error);
  throw new TriggerFailedError(`${family.name} trigger failed (${errorCode ?? errorName}); retry`);
}
