/**
 * How Cognito writes values in its events: attributes as strings, booleans as "true".
 */

/**
 * A string-to-string map as Cognito sends it (user attributes, client metadata).
 *
 * @example
 * const clientMetadata: StringMap = event.request.clientMetadata ?? {};
 * const locale = clientMetadata.locale ?? 'en';
 */
export type StringMap = Record<string, string>;

/**
 * True when a Cognito boolean attribute is set: Cognito sends the string `"true"`, AWS's sample
 * events the boolean `true`; both count.
 *
 * @example
 * if (!isTrueAttribute(event.request.userAttributes.email_verified)) return event; // no welcome e-mail yet
 */
export function isTrueAttribute(value: string | boolean | undefined): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}
