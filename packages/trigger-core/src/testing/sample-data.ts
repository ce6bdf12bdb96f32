/**
 * The sample user, secrets and documentation event the factories build with. Every value here
 * counts as personal or secret in the tests' log checks.
 */
/** A realistic user for test events. Every value here counts as personal data in log checks. */
export const SAMPLE_USER = {
  sub: '7d8ef9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01',
  userName: 'jane.doe@example.com',
  email: 'jane.doe@example.com',
  givenName: 'Jane',
  familyName: 'Doe-Testperson',
  phoneNumber: '+12065550142',
} as const;

/**
 * Values that must never appear in logs when a test uses {@link SAMPLE_USER} and the sample codes.
 *
 * @example
 * expect(findPersonalData(output, PERSONAL_VALUES)).toEqual([]);
 */
export const PERSONAL_VALUES: readonly string[] = [
  SAMPLE_USER.userName,
  SAMPLE_USER.email,
  SAMPLE_USER.givenName,
  SAMPLE_USER.familyName,
  SAMPLE_USER.phoneNumber,
  '{####}',
  '{username}',
];

/**
 * Secrets the sample events carry: the password a user-migration sign-in sends, the encrypted
 * code a custom sender receives and the answer to the sample custom challenge. Like
 * {@link PERSONAL_VALUES}, none may appear in logs.
 *
 * @example
 * expect(findPersonalData(output, [...PERSONAL_VALUES, ...Object.values(SAMPLE_SECRETS)])).toEqual([]);
 */
export const SAMPLE_SECRETS = {
  password: 'Correct-Horse-Battery-7',
  encryptedCode: 'AYADeBgvbz0nUDWN7gJYqWJ3aM8AAAABABVhd3MtY3J5cHRvLXB1YmxpYy1rZXkAREF4ZEtrY3ZaNlhOZw==',
  challengeAnswer: '482913',
} as const;

/** The user attributes Cognito sends for {@link SAMPLE_USER}: every value a string. */
export function sampleUserAttributes(): Record<string, string> {
  return {
    sub: SAMPLE_USER.sub,
    'cognito:user_status': 'CONFIRMED',
    email: SAMPLE_USER.email,
    email_verified: 'true',
    given_name: SAMPLE_USER.givenName,
    family_name: SAMPLE_USER.familyName,
  };
}

/**
 * The test event from the AWS documentation's post-confirmation example, as published: no
 * `triggerSource`, and `email_verified` as a boolean.
 */
export const AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT = {
  request: { userAttributes: { email: 'user@example.com', email_verified: true } },
  response: {},
} as const;
