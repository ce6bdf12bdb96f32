import type { FailurePolicy, FamilyDeployment, LambdaConfigSlot, TriggerFamily, TriggerFamilyName } from '../family';
import { eventShape, responseShape } from './checker';
import type { FieldContext, FieldReader, ResponseField } from './fields';

type KeysOf<T> = T extends unknown ? keyof T & string : never;

/**
 * How each request field of a family's events is read, keyed like the event's `request`.
 *
 * @example
 * const request: RequestFields<PostConfirmationEvent> = { userAttributes: read.attributes, clientMetadata: read.optional(read.attributes) };
 */
export type RequestFields<TEvent extends { request: unknown }> = {
  readonly [K in KeysOf<TEvent['request']>]-?: FieldReader;
};

/**
 * How each response field of a family's events is read and checked, keyed like the event's `response`.
 *
 * @example
 * const response: ResponseFields<VerifyAuthChallengeResponseEvent> = { answerCorrect: reply.flag };
 */
export type ResponseFields<TEvent extends { response: unknown }> = {
  readonly [K in KeysOf<TEvent['response']>]-?: ResponseField;
};

/**
 * A trigger family as data, for {@link defineFamily}. Fields are read in the order of their keys,
 * and the first problem found is the one reported.
 *
 * @example
 * const definition: FamilyDefinition<PostAuthenticationEvent> = { name: 'PostAuthentication', ... };
 */
export interface FamilyDefinition<TEvent extends { triggerSource: string; request: unknown; response: unknown }> {
  readonly name: TriggerFamilyName;
  readonly sources: readonly TEvent['triggerSource'][];
  readonly slot: LambdaConfigSlot;
  readonly versions: readonly string[];
  readonly failurePolicy: FailurePolicy;
  readonly deployment: FamilyDeployment;
  /** Checks the event's `version` (Cognito's or `"1"` when absent) and returns the one the handler sees; by default any string. */
  readonly version?: (version: string, triggerSource: TEvent['triggerSource']) => string;
  readonly request: RequestFields<TEvent>;
  /** The response fields, or, when they depend on the event's version, a function giving them. */
  readonly response: ResponseFields<TEvent> | ((context: FieldContext) => Partial<ResponseFields<TEvent>>);
  /** Rules across response fields, after each field's own check (a flag that needs an attribute, say). */
  readonly checkResponse?: (event: TEvent, response: Record<string, unknown>) => void;
  /**
   * What a handler must return: `event` (its own event, by `triggerSource`, with a `response`
   * object), or `any-object` for the custom senders, whose answer Cognito ignores: refusing it
   * would only make Lambda retry and send the message twice.
   */
  readonly result?: 'event' | 'any-object';
}

/** A field with its path worked out once, when the family is defined. */
interface Compiled<F> {
  readonly key: string;
  readonly path: string;
  readonly field: F;
}

function compile<F>(fields: Readonly<Record<string, F>>, prefix: string): readonly Compiled<F>[] {
  return Object.keys(fields).map((key) => ({ key, path: `${prefix}.${key}`, field: fields[key] as F }));
}

function readAll(
  fields: readonly Compiled<FieldReader>[],
  source: Record<string, unknown>,
  context: FieldContext,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, path, field } of fields) {
    const value = field(source[key], path, context);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

interface CompiledResponse {
  readonly fields: readonly Compiled<ResponseField>[];
  readonly readers: readonly Compiled<FieldReader>[];
}

function compileResponse(fields: Readonly<Record<string, ResponseField>>): CompiledResponse {
  const compiled = compile(fields, 'response');
  return { fields: compiled, readers: compiled.map(({ key, path, field }) => ({ key, path, field: field.read })) };
}

/**
 * Builds a trigger family from its definition: `parseEvent` checks the fields every event carries
 * and then each request and response field by its key (`request.userAttributes must be an object`),
 * giving the handler new objects; `checkResult` checks the handler's result against what Cognito
 * accepts. No schema library: the checks are the few lines in `./fields`.
 *
 * @example
 * export const postAuthentication = defineFamily<PostAuthenticationEvent>({
 *   name: 'PostAuthentication',
 *   sources: ['PostAuthentication_Authentication'],
 *   slot: 'PostAuthentication',
 *   versions: ['1'],
 *   failurePolicy: 'return-event',
 *   deployment: { deployable: true },
 *   request: { userAttributes: read.attributes, newDeviceUsed: read.boolean, clientMetadata: read.optional(read.attributes) },
 *   response: {},
 * });
 */
export function defineFamily<TEvent extends { triggerSource: string; request: unknown; response: unknown }>(
  definition: FamilyDefinition<TEvent>,
): TriggerFamily<TEvent> {
  const requestFields = compile<FieldReader>(definition.request, 'request');
  const responseDefinition = definition.response;
  // Compiled once: for a fixed set, now; for a set that depends on the event, per source and version.
  const fixed = typeof responseDefinition === 'function' ? undefined : compileResponse(responseDefinition);
  const bySourceAndVersion = new Map<string, CompiledResponse>();
  const responseFields = (context: FieldContext): CompiledResponse => {
    if (fixed) return fixed;
    const key = `${context.triggerSource} ${context.version}`;
    let compiled = bySourceAndVersion.get(key);
    if (!compiled) {
      compiled = compileResponse(
        (responseDefinition as (context: FieldContext) => Record<string, ResponseField>)(context),
      );
      bySourceAndVersion.set(key, compiled);
    }
    return compiled;
  };

  return {
    name: definition.name,
    sources: definition.sources,
    slot: definition.slot,
    versions: definition.versions,
    failurePolicy: definition.failurePolicy,
    deployment: definition.deployment,
    parseEvent(input) {
      const event = eventShape.object(input, 'event');
      const triggerSource = eventShape.oneOf(event.triggerSource, definition.sources, 'triggerSource');
      // Only triggerSource and request are required: a handler relies on them; AWS's sample test
      // events leave the rest out.
      const callerContext = eventShape.optionalObject(event.callerContext, 'callerContext');
      const sentVersion = eventShape.optionalString(event.version, 'version') ?? '1';
      const region = eventShape.optionalString(event.region, 'region') ?? '';
      const userPoolId = eventShape.optionalString(event.userPoolId, 'userPoolId') ?? '';
      const userName = eventShape.optionalString(event.userName, 'userName') ?? '';
      const awsSdkVersion =
        eventShape.optionalString(callerContext?.awsSdkVersion, 'callerContext.awsSdkVersion') ?? '';
      const clientId = eventShape.optionalString(callerContext?.clientId, 'callerContext.clientId') ?? '';
      const request = eventShape.object(event.request, 'request');
      const response = eventShape.optionalObject(event.response, 'response') ?? {};
      const version = definition.version ? definition.version(sentVersion, triggerSource) : sentVersion;
      const context: FieldContext = { triggerSource, version };
      return {
        version,
        region,
        userPoolId,
        triggerSource,
        userName,
        callerContext: { awsSdkVersion, clientId },
        request: readAll(requestFields, request, context),
        response: readAll(responseFields(context).readers, response, context),
      } as unknown as TEvent;
    },
    checkResult(event, result) {
      const returned = responseShape.object(result, 'result');
      if (definition.result === 'any-object') return result as TEvent;
      if (returned.triggerSource !== event.triggerSource) {
        responseShape.fail(
          'result.triggerSource',
          `must be the event's own triggerSource (${event.triggerSource}); return the event`,
        );
      }
      const response = responseShape.object(returned.response, 'response');
      const context: FieldContext = { triggerSource: event.triggerSource, version: versionOf(event) };
      for (const { key, path, field } of responseFields(context).fields) field.check(response[key], path, context);
      definition.checkResponse?.(event, response);
      return result as TEvent;
    },
  };
}

function versionOf(event: object): string {
  const version = (event as { version?: unknown }).version;
  return typeof version === 'string' ? version : '1';
}
