/**
 * What a log line may say about user attributes and errors, and which fields it must never show,
 * shared by the logger and the wrapper. Free text is scrubbed by `./scrub`.
 */
import { scrubPersonalData } from './scrub';

/**
 * Field names whose values are personal or secret whatever they contain: they are logged as
 * `[redacted]`. Compared case-insensitively.
 */
const REDACTED_KEYS = new Set(
  [
    'email',
    'phone_number',
    'phone',
    'name',
    'given_name',
    'family_name',
    'middle_name',
    'nickname',
    'preferred_username',
    'address',
    'birthdate',
    'username',
    'code',
    'codeparameter',
    'usernameparameter',
    'password',
    'newpassword',
    'oldpassword',
    'challengeanswer',
    'secretcode',
    'authorization',
    'cookie',
    'userattributes',
  ].map((key) => key.toLowerCase()),
);
const REDACTED_KEY_PARTS = /password|token|secret|credential/i;

/**
 * True when a field with this name must never have its value logged.
 *
 * @example
 * isSensitiveKey('idToken'); // true
 * isSensitiveKey('durationMs'); // false
 */
export function isSensitiveKey(key: string): boolean {
  let sensitive = sensitiveKeyCache.get(key);
  if (sensitive === undefined) {
    sensitive = REDACTED_KEYS.has(key.toLowerCase()) || REDACTED_KEY_PARTS.test(key);
    // Field names come from code, not data, so the cache stays small; the bound is a safety net.
    if (sensitiveKeyCache.size < 1_000) sensitiveKeyCache.set(key, sensitive);
  }
  return sensitive;
}

const sensitiveKeyCache = new Map<string, boolean>();

/**
 * User attributes whose values are not personal and help to explain a decision, so they may be
 * logged. Every other attribute is logged by name only.
 *
 * @example
 * LOGGABLE_ATTRIBUTES.has('email_verified'); // true; LOGGABLE_ATTRIBUTES.has('email') is false
 */
export const LOGGABLE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'email_verified',
  'phone_number_verified',
  'cognito:user_status',
  'locale',
  'zoneinfo',
]);

/**
 * Summarises user attributes for a log line: every attribute's name, and the values of the
 * non-personal ones in {@link LOGGABLE_ATTRIBUTES}.
 *
 * @example
 * describeUserAttributes({ email: 'jane@example.com', email_verified: 'true' });
 * // { attributeNames: ['email', 'email_verified'], email_verified: 'true' }
 */
export function describeUserAttributes(
  attributes: Readonly<Record<string, string>>,
): { attributeNames: string[] } & Record<string, string | string[]> {
  const summary: { attributeNames: string[] } & Record<string, string | string[]> = {
    attributeNames: Object.keys(attributes).sort(),
  };
  for (const [key, value] of Object.entries(attributes)) {
    if (LOGGABLE_ATTRIBUTES.has(key)) summary[key] = scrubPersonalData(value);
  }
  return summary;
}

/**
 * What a log line may say about an error: its name, code, HTTP status and a scrubbed message.
 *
 * @example
 * const summary: ErrorSummary = { errorName: 'MessageRejected', errorCode: 'MessageRejected', errorMessage: 'Email address is not verified: [email]' };
 */
export type ErrorSummary = {
  errorName: string;
  errorCode?: string;
  errorMessage: string;
  httpStatusCode?: number;
  path?: string;
  variable?: string;
};

/**
 * Describes any thrown value for a log line without personal data. Understands trigger-core's
 * errors (`code`, `path`, `variable`) and AWS SDK errors (`name`, `Code`, `$metadata`).
 *
 * @example
 * describeError(new Error('Email address is not verified: jane@example.com'));
 * // { errorName: 'Error', errorMessage: 'Email address is not verified: [email]' }
 */
export function describeError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) {
    return { errorName: typeof error, errorMessage: scrubPersonalData(String(error)) };
  }
  const details = error as Error & {
    code?: unknown;
    Code?: unknown;
    path?: unknown;
    variable?: unknown;
    $metadata?: { httpStatusCode?: unknown };
  };
  const summary: ErrorSummary = { errorName: error.name, errorMessage: scrubPersonalData(error.message) };
  const code =
    typeof details.code === 'string' ? details.code : typeof details.Code === 'string' ? details.Code : undefined;
  if (code) summary.errorCode = code;
  const status = details.$metadata?.httpStatusCode;
  if (typeof status === 'number') summary.httpStatusCode = status;
  if (typeof details.path === 'string') summary.path = details.path;
  if (typeof details.variable === 'string') summary.variable = details.variable;
  return summary;
}
