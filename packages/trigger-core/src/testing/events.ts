import type { PostConfirmationEvent } from '../events/post-confirmation';

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
];

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

function base<TSource extends string>(triggerSource: TSource, version = '1') {
  return {
    version,
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbCdEf123',
    triggerSource,
    userName: SAMPLE_USER.sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '1example23456789abcdefghij' },
  };
}

/** Every trigger source the factories cover, mapped to its event type. */
export interface EventsBySource {
  PostConfirmation_ConfirmSignUp: Extract<PostConfirmationEvent, { triggerSource: 'PostConfirmation_ConfirmSignUp' }>;
  PostConfirmation_ConfirmForgotPassword: Extract<
    PostConfirmationEvent,
    { triggerSource: 'PostConfirmation_ConfirmForgotPassword' }
  >;
}

/** A trigger source the factories cover. */
export type FactorySource = keyof EventsBySource;

const builders: { [S in FactorySource]: () => EventsBySource[S] } = {
  PostConfirmation_ConfirmSignUp: () => ({
    ...base('PostConfirmation_ConfirmSignUp'),
    request: { userAttributes: sampleUserAttributes() },
    response: {},
  }),
  PostConfirmation_ConfirmForgotPassword: () => ({
    ...base('PostConfirmation_ConfirmForgotPassword'),
    request: { userAttributes: sampleUserAttributes() },
    response: {},
  }),
};

/** Every source the factories cover, in a stable order. */
export const FACTORY_SOURCES = Object.keys(builders) as FactorySource[];

/** A recursive partial, for overriding parts of an event. */
export type DeepPartial<T> = T extends readonly (infer U)[]
  ? readonly U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function merge(target: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] = isObject(current) && isObject(value) ? merge(current, value) : value;
  }
  return out;
}

/**
 * A realistic event for a trigger source, as Cognito sends it, with optional overrides merged in
 * (objects merge deeply; arrays and other values replace). Set an attribute to `undefined` to drop it.
 *
 * @example
 * const event = triggerEvent('PostConfirmation_ConfirmSignUp', {
 *   request: { userAttributes: { email_verified: 'false' } },
 * });
 */
export function triggerEvent<S extends FactorySource>(source: S, overrides?: DeepPartial<EventsBySource[S]>): EventsBySource[S] {
  const built = builders[source]() as unknown as Record<string, unknown>;
  const merged = merge(built, (overrides ?? {}) as Record<string, unknown>);
  return dropUndefined(merged) as unknown as EventsBySource[S];
}

function dropUndefined(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key] = isObject(item) ? dropUndefined(item) : item;
  }
  return out;
}
