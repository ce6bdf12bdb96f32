import {
  AdminGetUserCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { CustomEmailSenderEvent } from '@cognito-triggers/trigger-core';

/**
 * Where an account-takeover notice goes: the event's `email` attribute when it has one, else the
 * user's `email` looked up with `AdminGetUser` (threat protection names the user, not always the
 * address). `undefined` when the user has no address or no longer exists: a retry would not
 * help. Any other failure of the lookup (throttling, access denied) throws, for Lambda to retry.
 * The address is returned, never logged.
 *
 * @example
 * const to = await noticeRecipient(event, cognito, signal); // 'jane@example.com' or undefined
 */
export async function noticeRecipient(
  event: CustomEmailSenderEvent,
  cognito: CognitoIdentityProviderClient,
  signal: AbortSignal,
): Promise<string | undefined> {
  const attributes: Readonly<Record<string, string | undefined>> = event.request.userAttributes;
  if (attributes.email !== undefined) return attributes.email;
  try {
    const user = await cognito.send(
      new AdminGetUserCommand({ UserPoolId: event.userPoolId, Username: event.userName }),
      {
        abortSignal: signal,
      },
    );
    return user.UserAttributes?.find((attribute) => attribute.Name === 'email')?.Value;
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}
