/**
 * The error codes trigger-core raises. Callers branch on `code`, never on a message.
 *
 * @example
 * if (error instanceof TriggerError && error.code === 'CONFIGURATION_INVALID') { ... }
 */
export const ERROR_CODES = {
  userRejection: 'USER_REJECTION',
  configurationInvalid: 'CONFIGURATION_INVALID',
  eventInvalid: 'EVENT_INVALID',
  responseInvalid: 'RESPONSE_INVALID',
  deadlineExceeded: 'DEADLINE_EXCEEDED',
  triggerFailed: 'TRIGGER_FAILED',
} as const;

/**
 * One of {@link ERROR_CODES}' values.
 *
 * @example
 * const code: TriggerErrorCode = 'DEADLINE_EXCEEDED';
 */
export type TriggerErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/**
 * Base class of every error trigger-core raises: a stable `name`, a string-literal `code` and the
 * original `cause`.
 *
 * @example
 * throw new TriggerError('TRIGGER_FAILED', 'SES call failed', { cause: error });
 */
export class TriggerError extends Error {
  override name = 'TriggerError';
  readonly code: TriggerErrorCode;

  constructor(code: TriggerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * A deliberate rejection whose message is written for the end user. The wrapper passes it to
 * Cognito unchanged, so it must never carry internal details (addresses, codes, AWS errors).
 *
 * @example
 * throw new UserFacingError('Sign-ups with this e-mail domain are not allowed.');
 */
export class UserFacingError extends TriggerError {
  override name = 'UserFacingError';

  constructor(userMessage: string) {
    super(ERROR_CODES.userRejection, userMessage);
  }
}

/**
 * A missing or invalid configuration value, raised at cold start. The message names the variable.
 *
 * @example
 * throw new ConfigurationError('EMAIL_FROM', 'is required');
 * // message: "EMAIL_FROM is required"
 */
export class ConfigurationError extends TriggerError {
  override name = 'ConfigurationError';
  readonly variable: string;

  constructor(variable: string, problem: string, options?: { cause?: unknown }) {
    super(ERROR_CODES.configurationInvalid, `${variable} ${problem}`, options);
    this.variable = variable;
  }
}

/**
 * An event that does not have the shape the handler relies on. The message names the path.
 *
 * @example
 * throw new InvalidEventError('request.userAttributes', 'must be an object');
 */
export class InvalidEventError extends TriggerError {
  override name = 'InvalidEventError';
  readonly path: string;

  constructor(path: string, problem: string) {
    super(ERROR_CODES.eventInvalid, `${path} ${problem}`);
    this.path = path;
  }
}

/**
 * A handler result that Cognito would not accept for its trigger. The message names the path.
 *
 * @example
 * throw new InvalidResponseError('response.autoConfirmUser', 'must be a boolean');
 */
export class InvalidResponseError extends TriggerError {
  override name = 'InvalidResponseError';
  readonly path: string;

  constructor(path: string, problem: string) {
    super(ERROR_CODES.responseInvalid, `${path} ${problem}`);
    this.path = path;
  }
}

/**
 * The handler did not finish before the trigger's deadline (Cognito waits at most 5 seconds).
 *
 * @example
 * signal.addEventListener('abort', () => console.log(signal.reason instanceof DeadlineExceededError));
 */
export class DeadlineExceededError extends TriggerError {
  override name = 'DeadlineExceededError';
  readonly budgetMs: number;

  constructor(budgetMs: number) {
    super(ERROR_CODES.deadlineExceeded, `handler did not finish within ${budgetMs} ms`);
    this.budgetMs = budgetMs;
  }
}

/**
 * What the wrapper throws when a trigger failed unexpectedly: a generic message that is safe to
 * show to an end user (Cognito displays it), with the details only in the log.
 *
 * @example
 * throw new TriggerFailedError('We could not complete your request. Please try again.');
 */
export class TriggerFailedError extends TriggerError {
  override name = 'TriggerFailedError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(ERROR_CODES.triggerFailed, message, options);
  }
}
