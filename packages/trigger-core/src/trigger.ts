/**
 * `defineTrigger`, the safe-return wrapper, in named steps: once per cold start `prepare` (logger,
 * configuration, budget rules); per invocation the budget, the event check, the handler raced
 * against the deadline, the response check, and the failure policy when any step fails.
 */
import type { Context } from 'aws-lambda';
import {
  initialisedOnDemand,
  loadConfig,
  logLevelFromEnvironment,
  runsInLambda,
  type Environment,
  type EnvReader,
} from './config';
import {
  budgetMs as budgetFor,
  COGNITO_TIMEOUT_MS,
  Deadline,
  DEFAULT_SAFETY_MARGIN_MS,
  type BudgetRules,
} from './deadline';
import { UserFacingError, type ConfigurationError } from './errors';
import { applyFailurePolicy, GENERIC_USER_MESSAGE } from './failure-policy';
import type { TriggerFamily } from './family';
import { InvocationLog, summaryFragments } from './invocation';
import { createJsonLinesLogger, type JsonLinesLogger, type LogFields, type Logger } from './logger';
import { describeError } from './redact';

export { COGNITO_TIMEOUT_MS, DEFAULT_SAFETY_MARGIN_MS, GENERIC_USER_MESSAGE };

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

/**
 * Wraps a trigger's logic in everything Cognito needs: a runtime check of the event, a deadline
 * inside Cognito's 5 seconds with an `AbortSignal`, per-invocation logging without personal data,
 * a check of the response, and the family's failure policy when anything goes wrong. What goes
 * back to Cognito is the event as it came with the handler's `response`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-working-with-lambda-triggers.html
 * @example
 * export const handler = defineTrigger(
 *   postConfirmation,
 *   { service: 'post-confirmation', config: (env) => ({ from: env.required('EMAIL_FROM') }) },
 *   async (event, { config, signal, annotate }) => {
 *     const sent = await ses.send(welcomeEmail(event, config.from), { abortSignal: signal });
 *     annotate({ messageId: sent.MessageId });
 *     return event;
 *   },
 * );
 */
export function defineTrigger<TEvent extends { triggerSource: string }, TConfig = undefined>(
  family: TriggerFamily<TEvent>,
  options: TriggerOptions<TConfig>,
  handler: TriggerHandler<TEvent, TConfig>,
): LambdaHandler<TEvent> {
  const { baseLogger, config, configError, budgetRules } = prepare(options);
  const genericUserMessage = options.genericUserMessage ?? GENERIC_USER_MESSAGE;
  const fragments = summaryFragments({ family: family.name, failurePolicy: family.failurePolicy });
  let coldStart = true;

  // Once per handler, not per invocation: what every failure does after its summary line.
  const failed = (log: InvocationLog, error: unknown, rawEvent: TEvent): TEvent => {
    log.finish('failed', error);
    return applyFailurePolicy(family, error, rawEvent, genericUserMessage);
  };

  return async (rawEvent, lambdaContext) => {
    // 1. Budget: Cognito's 5 seconds, less what Lambda and the init phase have used.
    const startedAt = Date.now();
    const isColdStart = coldStart;
    coldStart = false;
    const budgetMs = budgetFor(budgetRules, lambdaContext, isColdStart);
    const log = new InvocationLog(baseLogger, fragments, rawEvent, lambdaContext, startedAt, budgetMs, isColdStart);

    // 2. Configuration and event: either wrong, and the handler never runs.
    if (configError) return failed(log, configError, rawEvent);
    let event: TEvent;
    try {
      event = family.parseEvent(rawEvent);
    } catch (error) {
      return failed(log, error, rawEvent);
    }

    // 3. Deadline: the handler races it, with a signal that aborts its I/O.
    const deadline = new Deadline(startedAt, budgetMs);
    const tools = new InvocationTools(config, log, deadline, isColdStart, lambdaContext);
    try {
      const result = await deadline.race(() => handler(event, tools));
      deadline.end();
      // 4. Response: what Cognito would accept, on the event as it came.
      const checked = family.checkResult(event, result);
      log.finish('success');
      return withResponse(rawEvent, checked);
    } catch (error) {
      deadline.end();
      // 5. Failure policy, except for a deliberate refusal, which reaches the user as written.
      if (error instanceof UserFacingError) {
        log.finish('rejected', error);
        throw error;
      }
      return failed(log, error, rawEvent);
    }
  };
}

/**
 * The {@link TriggerTools} of one invocation. A class, not an object literal: a literal with a
 * `signal` getter gets a hidden class of its own on every invocation (the getter is a new function
 * each time), allocated in the old generation, and that kept each invocation's garbage alive until
 * a full collection. `annotate` and `remainingMs` are own functions, so that a handler can
 * destructure them.
 */
class InvocationTools<TConfig> implements TriggerTools<TConfig> {
  readonly config: TConfig;
  readonly logger: Logger;
  readonly deadlineAt: number;
  readonly remainingMs: () => number;
  readonly coldStart: boolean;
  readonly lambdaContext: Context;
  readonly annotate: (fields: LogFields) => void;
  readonly #deadline: Deadline;

  constructor(config: TConfig, log: InvocationLog, deadline: Deadline, coldStart: boolean, lambdaContext: Context) {
    this.config = config;
    this.logger = log.logger;
    this.deadlineAt = deadline.at;
    this.remainingMs = () => deadline.remainingMs();
    this.coldStart = coldStart;
    this.lambdaContext = lambdaContext;
    this.annotate = (fields) => log.annotate(fields);
    this.#deadline = deadline;
  }

  /** Made on first use: a handler without I/O never needs an `AbortController`. */
  get signal(): AbortSignal {
    return this.#deadline.signal;
  }
}

/** Everything read once per cold start: the logger, the configuration (or why it is invalid), the budget rules. */
function prepare<TConfig>(options: TriggerOptions<TConfig>): {
  baseLogger: JsonLinesLogger;
  config: TConfig;
  configError: ConfigurationError | undefined;
  budgetRules: BudgetRules;
} {
  const logLevel = logLevelFromEnvironment(options.environment);
  const baseLogger = createJsonLinesLogger({
    service: options.service,
    level: logLevel.level,
    ...(options.writeLog ? { write: options.writeLog } : {}),
  });
  if (logLevel.problem) baseLogger.warn('log level ignored', describeError(logLevel.problem));

  const loaded = options.config
    ? loadConfig(options.config, options.environment)
    : ({ ok: true, config: undefined as TConfig } as const);
  const configError = loaded.ok ? undefined : loaded.error;
  if (configError) baseLogger.error('configuration invalid', describeError(configError));
  return {
    baseLogger,
    config: loaded.ok ? loaded.config : (undefined as TConfig),
    configError,
    budgetRules: {
      maxBudgetMs: options.maxBudgetMs ?? COGNITO_TIMEOUT_MS,
      safetyMarginMs: options.safetyMarginMs ?? DEFAULT_SAFETY_MARGIN_MS,
      countsInitPhase: runsInLambda(options.environment) && initialisedOnDemand(options.environment),
      initEndedAtMs: performance.now(),
    },
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
