import { InvalidEventError, InvalidResponseError } from '../errors';
import type { StringMap } from '../events/values';

/**
 * Runtime checks of one value each, naming the failing path. One instance checks events, the
 * other responses, so each raises the error class its caller expects.
 *
 * @example
 * const attributes = eventShape.stringMap(raw.request.userAttributes, 'request.userAttributes');
 */
export interface ShapeChecker {
  object(value: unknown, path: string): Record<string, unknown>;
  optionalObject(value: unknown, path: string): Record<string, unknown> | undefined;
  string(value: unknown, path: string): string;
  optionalString(value: unknown, path: string): string | undefined;
  boolean(value: unknown, path: string): boolean;
  optionalBoolean(value: unknown, path: string): boolean | undefined;
  stringArray(value: unknown, path: string): string[];
  optionalStringArray(value: unknown, path: string): string[] | undefined;
  /** A new map of strings; booleans and numbers become strings, because AWS's own sample events send `email_verified: true`. */
  stringMap(value: unknown, path: string): StringMap;
  optionalStringMap(value: unknown, path: string): StringMap | undefined;
  oneOf<T extends string>(value: unknown, options: readonly T[], path: string): T;
  fail(path: string, problem: string): never;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function makeChecker(fail: (path: string, problem: string) => never): ShapeChecker {
  const checker: ShapeChecker = {
    fail,
    object(value, path) {
      if (!isPlainObject(value)) fail(path, 'must be an object');
      return value;
    },
    optionalObject(value, path) {
      return value === undefined || value === null ? undefined : checker.object(value, path);
    },
    string(value, path) {
      if (typeof value !== 'string') fail(path, 'must be a string');
      return value;
    },
    optionalString(value, path) {
      return value === undefined || value === null ? undefined : checker.string(value, path);
    },
    boolean(value, path) {
      if (typeof value !== 'boolean') fail(path, 'must be a boolean');
      return value;
    },
    optionalBoolean(value, path) {
      return value === undefined || value === null ? undefined : checker.boolean(value, path);
    },
    stringArray(value, path) {
      if (!Array.isArray(value)) fail(path, 'must be an array of strings');
      for (let index = 0; index < value.length; index += 1) checker.string(value[index], `${path}[${index}]`);
      return value as string[];
    },
    optionalStringArray(value, path) {
      return value === undefined || value === null ? undefined : checker.stringArray(value, path);
    },
    stringMap(value, path) {
      const object = checker.object(value, path);
      const map: StringMap = {};
      for (const key of Object.keys(object)) {
        const item = object[key];
        if (typeof item === 'string') map[key] = item;
        else if (typeof item === 'boolean' || typeof item === 'number') map[key] = String(item);
        else fail(`${path}.${key}`, 'must be a string');
      }
      return map;
    },
    optionalStringMap(value, path) {
      return value === undefined || value === null ? undefined : checker.stringMap(value, path);
    },
    oneOf(value, options, path) {
      if (typeof value !== 'string' || !(options as readonly string[]).includes(value)) {
        fail(path, `must be one of ${options.join(', ')}`);
      }
      return value as (typeof options)[number];
    },
  };
  return checker;
}

/**
 * Checks parts of an incoming event; failures raise {@link InvalidEventError}.
 *
 * @example
 * eventShape.object(raw.request, 'request'); // throws "request must be an object"
 */
export const eventShape: ShapeChecker = makeChecker((path, problem) => {
  throw new InvalidEventError(path, problem);
});

/**
 * Checks parts of a handler's result; failures raise {@link InvalidResponseError}.
 *
 * @example
 * responseShape.boolean(result.response.autoConfirmUser, 'response.autoConfirmUser');
 */
export const responseShape: ShapeChecker = makeChecker((path, problem) => {
  throw new InvalidResponseError(path, problem);
});
