import type { Context } from 'aws-lambda';
import { loadConfig, logLevelFromEnvironment, runsInLambda, type Environment, type EnvReader } from './config';
import { DeadlineExceededError, TriggerFailedError, UserFacingError, type ConfigurationError } from './errors';
import type { TriggerFamily } from './events/common';
import { createLogger, isLevelEnabled, type LogFields, type Logger, type LogValue } from './logger';
import { describeError } from './redact';

/**
 * Cognito waits at most this long for a synchronous trigger, whatever the Lambda timeout is.
 *
 * @example
 * defineTrigger(family, { service: 's', maxBudgetMs: COGNITO_TIMEOUT_MS }, work);
 */
export const COGNITO_TIMEOUT_MS = 5_000;

/**
 * Time kept back from the deadline for returning the response to Cognito.
 *
 * @example
 * defineTrigger(family, { service: 's', safetyMarginMs: DEFAULT_SAFETY_MARGIN_MS * 2 }, work);
 */
export const DEFAULT_SAFETY_MARGIN_MS = 300;

/**
 * The message an end user sees when a gate fails unexpectedly: nothing internal.
 *
 * @example
 * expect(error.message).toBe(GENERIC_USER_MESSAGE); // a fail-closed trigger that broke
 */
export const GENERIC_USER_MESSAGE = 'We could not complete your request right now. Please try again.';

/**
 * What a trigger's handler gets besides its event.
 *
 * @example
 * async (event, { config, logger, signal }) => { await ses.send(command, { abortSignal: signal }); return event; }
 */
export interface TriggerTools<TConfig> {
  /** The app's configuration, read once at cold start. */
  readonly config: TConfig;
  /** A logger whose lines carry this invocation's context (request id, trigger source, pool, client, cold start). */
  readonly logger: Logger;
  /** Aborts at the deadline; pass it to every I/O call so that it is cancelled in time. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds at which the deadline falls. */
  readonly deadlineAt: number;
  /** Milliseconds left before the deadline. */
  readonly remainingMs: () => number;
  /** True on the first invocation of this Lambda instance. */
  readonly coldStart: boolean;
  /** Lambda's own context object. */
  readonly lambdaContext: Context;
  /** Adds fields to this invocation's summary line, so one line tells what was attempted and how it ended. */
  readonly annotate: (fields: LogFields) => void;
}

/**
 * A trigger's logic: receives a checked event and returns it with its `response` set. It may
 * answer synchronously: a pure decision (claims, a domain gate) has nothing to await.
 *
 * @example
 * const allowAll: TriggerHandler<PreSignUpEvent, undefined> = async (event) => event;
 * const pure: TriggerHandler<PreSignUpEvent, undefined> = (event) => event;
 */
export type TriggerHandler<TEvent, TConfig> = (event: TEvent, tools: TriggerTools<TConfig>) => TEvent | Promise<TEvent>;

/**
 * The two-argument async handler Lambda calls (the nodejs24.x runtime rejects three-argument ones).
 *
 * @example
 * export const handler: LambdaHandler<PostConfirmationEvent> = defineTrigger(...);
 */
export type LambdaHandler<TEvent> = (event: TEvent, context: Context) => Promise<TEvent>;

/**
 * Options of {@link defineTrigger}.
 *
 * @example
 * { service: 'post-confirmation', config: (env) => ({ from: env.required('EMAIL_FROM') }) }
 */
export interface TriggerOptions<TConfig> {
  /** The service name on every log line, usually the app's name. */
  service: string;
  /** Reads the app's configuration; called once at cold start. A `ConfigurationError` is logged on every invocation and the failure policy applies. */
  config?: (env: EnvReader) => TConfig;
  /** Time kept back from the deadline; defaults to {@link DEFAULT_SAFETY_MARGIN_MS}. */
  safetyMarginMs?: number;
  /** The longest Cognito waits; defaults to {@link COGNITO_TIMEOUT_MS}. */
  maxBudgetMs?: number;
  /** The message end users see when a gate fails unexpectedly. */
  genericUserMessage?: string;
  /** The environment to read instead of `process.env` (tests). */
  environment?: Environment;
  /** Where log lines go instead of stdout (tests). */
  writeLog?: (line: string) => void;
}

type Outcome = 'success' | 'rejected' | 'failed';

/**
 * Wraps a trigger's logic in everything Cognito needs: a runtime check of the event, a deadline
 * inside Cognito's 5 seconds with an `AbortSignal`, per-invocation logging without personal data,
 * a check of the response, and the family's failure policy when anything goes wrong.
 *
 * @example
 * export const handler = defineTrigger(postConfirmation, { service: 'post-confirmation' }, async (event, { logger }) => {
 *   logger.info('confirmed');
 *   return event;
 * });
 */
export function defineTrigger<TEvent extends { triggerSource: string }, TConfig = undefined>(
  family: TriggerFamily<TEvent>,
  options: TriggerOptions<TConfig>,
  handler: TriggerHandler<TEvent, TConfig>,
): LambdaHandler<TEvent> {
  const logLevel = logLevelFromEnvironment(options.environment);
  const baseLogger = createLogger({
    service: options.service,
    level: logLevel.level,
    ...(options.writeLog ? { write: options.writeLog } : {}),
  });
  if (logLevel.problem) baseLogger.warn('log level ignored', describeError(logLevel.problem));

  const loaded = options.config
    ? loadConfig(options.config, options.environment)
    : ({ ok: true, config: undefined as TConfig } as const);
  const configError: ConfigurationError | undefined = loaded.ok ? undefined : loaded.error;
  const config = loaded.ok ? loaded.config : (undefined as TConfig);
  if (configError) baseLogger.error('configuration invalid', describeError(configError));

  const maxBudgetMs = options.maxBudgetMs ?? COGNITO_TIMEOUT_MS;
  const safetyMarginMs = options.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS;
  const genericUserMessage = options.genericUserMessage ?? GENERIC_USER_MESSAGE;
  const countsInitPhase = runsInLambda(options.environment);
  let coldStart = true;

  return async (rawEvent, lambdaContext) => {
    const startedAt = Date.now();
    const isColdStart = coldStart;
    coldStart = false;
    // On a cold start Cognito's 5 s also covered the init phase, which began about when the process did.
    // Outside Lambda the process is a test runner that started long before this simulated cold start.
    const initMs = isColdStart && countsInitPhase ? Math.min(Math.round(performance.now()), maxBudgetMs) : 0;
    // A hand-made context (a console test, a local runner) may lack the method: Cognito's limit still holds.
    const remainingMs =
      typeof lambdaContext?.getRemainingTimeInMillis === 'function'
        ? lambdaContext.getRemainingTimeInMillis()
        : maxBudgetMs;
    const budgetMs = Math.max(0, Math.min(remainingMs, maxBudgetMs - initMs) - safetyMarginMs);

    const logger = baseLogger.child({
      awsRequestId: lambdaContext?.awsRequestId,
      ...invocationContext(rawEvent),
      coldStart: isColdStart,
    });

    let annotations: Record<string, LogValue> | undefined;
    const finish = (outcome: Outcome, error?: unknown): void => {
      if (!isLevelEnabled(logger.level, outcome === 'failed' ? 'ERROR' : 'INFO')) return;
      const fields = {
        ...annotations,
        outcome,
        family: family.name,
        failurePolicy: outcome === 'failed' ? family.failurePolicy : undefined,
        durationMs: Date.now() - startedAt,
        budgetMs: Math.round(budgetMs),
        ...(error === undefined ? {} : describeError(error)),
      };
      if (outcome === 'failed') logger.error('invocation finished', fields);
      else logger.info('invocation finished', fields);
    };

    const fail = (error: unknown): TEvent => {
      finish('failed', error);
      if (family.failurePolicy === 'return-event') return rawEvent;
      if (family.failurePolicy === 'reject') throw new TriggerFailedError(genericUserMessage);
      const { errorName, errorCode } = describeError(error);
      throw new TriggerFailedError(`${family.name} trigger failed (${errorCode ?? errorName}); retry`);
    };

    if (configError) return fail(configError);

    let event: TEvent;
    try {
      event = family.parseEvent(rawEvent);
    } catch (error) {
      return fail(error);
    }

    const deadlineAt = startedAt + budgetMs;
    // The AbortController is made only when the handler asks for the signal: most of the cost of a
    // warm invocation is allocation, and handlers without I/O never need one.
    let controller: AbortController | undefined;
    let expired: DeadlineExceededError | undefined;
    const tools: TriggerTools<TConfig> = {
      config,
      logger,
      get signal() {
        if (!controller) {
          controller = new AbortController();
          if (expired) controller.abort(expired);
        }
        return controller.signal;
      },
      deadlineAt,
      remainingMs: () => Math.max(0, deadlineAt - Date.now()),
      coldStart: isColdStart,
      lambdaContext,
      annotate: (fields) => {
        annotations = Object.assign(annotations ?? {}, fields);
      },
    };

    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // One promise settled by whichever comes first, the handler or the deadline: no race array,
      // no second promise. A late failure of the handler lands on a settled promise and goes nowhere.
      const result = await new Promise<unknown>((resolve, reject) => {
        timer = setTimeout(() => {
          expired = new DeadlineExceededError(budgetMs);
          controller?.abort(expired);
          reject(expired);
        }, budgetMs);
        Promise.resolve(handler(event, tools)).then(resolve, reject);
      });
      const checked = family.checkResult(event, result);
      finish('success');
      return withResponse(rawEvent, checked);
    } catch (error) {
      if (error instanceof UserFacingError) {
        finish('rejected', error);
        throw error;
      }
      return fail(error);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The event as Cognito sent it with the handler's response: Cognito reads only `response`, and
 * nothing else the handler changed (or the event check normalised, such as a boolean
 * `email_verified` read as "true") goes back.
 */
function withResponse<TEvent>(rawEvent: TEvent, result: TEvent): TEvent {
  const response = (result as { response?: unknown }).response;
  return response === undefined ? rawEvent : { ...rawEvent, response };
}

/** The non-personal identifiers of an event, read defensively because the event is not yet checked. */
function invocationContext(rawEvent: unknown): Record<string, string | undefined> {
  if (typeof rawEvent !== 'object' || rawEvent === null) return {};
  const event = rawEvent as {
    triggerSource?: unknown;
    userPoolId?: unknown;
    callerContext?: { clientId?: unknown };
    request?: { userAttributes?: { sub?: unknown } };
  };
  const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
  return {
    triggerSource: text(event.triggerSource),
    userPoolId: text(event.userPoolId),
    clientId: text(event.callerContext?.clientId),
    userSub: text(event.request?.userAttributes?.sub),
  };
}
