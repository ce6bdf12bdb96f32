/**
 * The vocabulary of family definitions: how one field of an event is read for the handler
 * (`read.*`), and how one field of a response is read and then checked for Cognito (`reply.*`).
 * Every reader gets the value, its path (derived from the key by `defineFamily`) and the event's
 * source and version; it returns the value the handler sees, or `undefined` to leave the key out,
 * so an absent field stays absent rather than becoming `undefined`.
 */
import type { StringMap } from '../events/values';
import { eventShape, responseShape } from './checker';

/**
 * What a reader or check knows about the event besides the value: its source and (checked) version.
 *
 * @example
 * const forMachines: FieldContext = { triggerSource: 'TokenGeneration_ClientCredentials', version: '3' };
 */
export interface FieldContext {
  readonly triggerSource: string;
  readonly version: string;
}

/**
 * Reads one field of an incoming event: returns what the handler sees (a new object or array, never
 * one of the raw event's, so the raw event the wrapper may return stays as Cognito sent it), or
 * `undefined` for no key. Throws `InvalidEventError` naming `path`.
 *
 * @example
 * const locale: FieldReader<string> = (value, path) => eventShape.oneOf(value, ['en', 'de'], path);
 */
export type FieldReader<T = unknown> = (value: unknown, path: string, context: FieldContext) => T | undefined;

/**
 * One field of a response: `read` gives the handler the value Cognito sent (or a default), and
 * `check` tests what the handler set, throwing `InvalidResponseError` naming `path`.
 *
 * @example
 * const answerCorrect: ResponseField<boolean> = reply.flag;
 */
export interface ResponseField<T = unknown> {
  readonly read: FieldReader<T>;
  readonly check: (value: unknown, path: string, context: FieldContext) => void;
}

const absent = (): undefined => undefined;

/**
 * Readers of request fields, all checked with `eventShape`.
 *
 * @example
 * request: { userAttributes: read.attributes, newDeviceUsed: read.boolean, clientMetadata: read.optional(read.attributes) }
 */
export const read = {
  /** A string. */
  string: ((value, path) => eventShape.string(value, path)) as FieldReader<string>,
  /** A boolean. */
  boolean: ((value, path) => eventShape.boolean(value, path)) as FieldReader<boolean>,
  /** A string map, copied; booleans and numbers become strings (AWS's sample events send `email_verified: true`). */
  attributes: ((value, path) => eventShape.stringMap(value, path)) as FieldReader<StringMap>,
  /** An array of strings, copied, so a handler's push cannot reach the raw event. */
  strings: ((value, path) => [...eventShape.stringArray(value, path)]) as FieldReader<string[]>,
  /** One of `options`. */
  oneOf<T extends string>(options: readonly T[]): FieldReader<T> {
    return (value, path) => eventShape.oneOf(value, options, path);
  },
  /** `reader` when Cognito sent a value; for `null` or nothing, `fallback()` or no key. */
  optional<T, F = undefined>(reader: FieldReader<T>, fallback?: () => F): FieldReader<T | F> {
    return (value, path, context) =>
      value === undefined || value === null ? fallback?.() : reader(value, path, context);
  },
  /** `reader` for the events `test` picks, `otherwise` (by default, no key) for the rest. */
  when<T, U = never>(
    test: (context: FieldContext) => boolean,
    reader: FieldReader<T>,
    otherwise: FieldReader<U> = absent,
  ): FieldReader<T | U> {
    return (value, path, context) => (test(context) ? reader(value, path, context) : otherwise(value, path, context));
  },
};

/**
 * True for an event of `source`, for {@link read.when}.
 *
 * @example
 * password: read.when(isSource('UserMigration_Authentication'), read.string)
 */
export function isSource(source: string): (context: FieldContext) => boolean {
  return (context) => context.triggerSource === source;
}

/**
 * Checks a string map in a handler's result. Stricter than reading one from an event, which turns
 * booleans into strings: the wrapper hands the response to Cognito as returned, and Cognito's
 * string maps take strings only.
 */
function checkStrictStringMap(value: unknown, path: string): void {
  const object = responseShape.object(value, path);
  for (const key of Object.keys(object)) {
    if (typeof object[key] !== 'string') responseShape.fail(`${path}.${key}`, 'must be a string');
  }
}

/**
 * Response fields: what the handler starts from, and what Cognito takes back.
 *
 * @example
 * response: { answerCorrect: reply.flag }
 */
export const reply = {
  /** A boolean the handler must leave set; `false` when Cognito sent none. */
  flag: {
    read: (value, path) => eventShape.optionalBoolean(value, path) ?? false,
    check: (value, path) => responseShape.boolean(value, path),
  } as ResponseField<boolean>,
  /** An optional boolean. */
  optionalBoolean: {
    read: (value, path) => eventShape.optionalBoolean(value, path),
    check: (value, path) => responseShape.optionalBoolean(value, path),
  } as ResponseField<boolean>,
  /** An optional string; no key when Cognito sent none. */
  optionalString: {
    read: (value, path) => eventShape.optionalString(value, path),
    check: (value, path) => responseShape.optionalString(value, path),
  } as ResponseField<string>,
  /** A message text; `null` (Cognito's own text) when Cognito sent none. */
  message: {
    read: (value, path) => eventShape.optionalString(value, path) ?? null,
    check: (value, path) => responseShape.optionalString(value, path),
  } as ResponseField<string | null>,
  /** A string map the handler must leave set, strings only; `{}` when Cognito sent none. */
  attributes: {
    read: (value, path) => eventShape.optionalStringMap(value, path) ?? {},
    check: checkStrictStringMap,
  } as ResponseField<StringMap>,
  /** One of `options`, or `null`/nothing. */
  optionalOneOf<T extends string>(options: readonly T[]): ResponseField<T> {
    return {
      read: (value, path) =>
        value === undefined || value === null ? undefined : eventShape.oneOf(value, options, path),
      check: (value, path) => {
        if (value !== undefined && value !== null) responseShape.oneOf(value, options, path);
      },
    };
  },
  /** An array of `options`, copied, or `null`/nothing. */
  optionalListOf<T extends string>(options: readonly T[]): ResponseField<T[]> {
    return {
      read: (value, path) =>
        eventShape
          .optionalStringArray(value, path)
          ?.map((item, index) => eventShape.oneOf(item, options, `${path}[${index}]`)),
      check: (value, path) => {
        if (value === undefined || value === null) return;
        responseShape
          .stringArray(value, path)
          .forEach((item, index) => responseShape.oneOf(item, options, `${path}[${index}]`));
      },
    };
  },
};
