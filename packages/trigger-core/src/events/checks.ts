import { eventShape, responseShape, type ShapeChecker, type StringMap } from '../shape';

/**
 * An object holding `key` only when `value` is defined, for spreading into a parsed event, so an
 * absent field stays absent instead of becoming `undefined` (a handler's `'key' in request` and a
 * JSON round trip then both see what Cognito sent).
 *
 * @example
 * const request = { userAttributes, ...optionalEntry('validationData', validationData) };
 */
export function optionalEntry<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Parses an optional string map of an event (validationData and the like) into a spreadable
 * object; see {@link optionalEntry}.
 *
 * @example
 * const request = { userAttributes, ...optionalStringMapEntry('validationData', raw.validationData, 'request.validationData') };
 */
export function optionalStringMapEntry<K extends string>(
  key: K,
  value: unknown,
  path: string,
): { [P in K]?: StringMap } {
  return optionalEntry(key, eventShape.optionalStringMap(value, path));
}

/**
 * A copy of an array of strings, so that a handler that pushes onto a parsed array cannot change
 * the raw event the wrapper returns on failure.
 *
 * @example
 * const scopes = copyStringArray(eventShape, request.scopes, 'request.scopes');
 */
export function copyStringArray(checker: ShapeChecker, value: unknown, path: string): string[] {
  return [...checker.stringArray(value, path)];
}

/**
 * {@link copyStringArray} for an optional array; `null` counts as absent, as Cognito sends it.
 *
 * @example
 * const scopes = copyOptionalStringArray(eventShape, request.scopes, 'request.scopes'); // undefined for null
 */
export function copyOptionalStringArray(checker: ShapeChecker, value: unknown, path: string): string[] | undefined {
  const array = checker.optionalStringArray(value, path);
  return array ? [...array] : undefined;
}

/**
 * Checks a string map in a handler's result. Stricter than `responseShape.stringMap`, which turns
 * booleans into strings: the wrapper hands the result to Cognito as returned, and Cognito's string
 * maps take strings only.
 *
 * @example
 * checkStringMap(response.userAttributes, 'response.userAttributes'); // throws on { email_verified: true }
 */
export function checkStringMap(value: unknown, path: string): StringMap {
  const object = responseShape.object(value, path);
  for (const [key, item] of Object.entries(object)) {
    if (typeof item !== 'string') responseShape.fail(`${path}.${key}`, 'must be a string');
  }
  return object as StringMap;
}

/**
 * Length in characters (Unicode code points), the unit Cognito's message limits are given in; a
 * string's `length` counts UTF-16 units and would count an emoji twice.
 *
 * @example
 * characterCount('héllo 👋'); // 7
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
