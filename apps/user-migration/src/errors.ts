/**
 * Why a legacy record cannot be migrated although it was found: its data, not the user, is wrong.
 * Logged as an error with the code (never the record's values) and answered with the generic
 * message: a record the trigger cannot read must never let anyone in.
 *
 * @example
 * throw new LegacyDataError('hash-format-unknown', 'passwordHash has an unknown format ($1$)');
 */
export class LegacyDataError extends Error {
  override name = 'LegacyDataError';
  readonly code: LegacyDataProblem;

  constructor(code: LegacyDataProblem, message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * The data problems a {@link LegacyDataError} names; they are the summary line's `reason`.
 *
 * @example
 * const code: LegacyDataProblem = 'email-ambiguous';
 */
export type LegacyDataProblem =
  | 'hash-format-unknown'
  | 'hash-malformed'
  | 'hash-parameters-unsupported'
  | 'record-invalid'
  | 'email-ambiguous'
  | 'endpoint-answer-invalid';

/**
 * The legacy store did not answer usably (an HTTP endpoint's 5xx or unexpected status). Fails
 * closed like any other outage, with the summary line's `reason: "store-unavailable"`.
 *
 * @example
 * throw new LegacyStoreError('the verify endpoint answered 503', 503);
 */
export class LegacyStoreError extends Error {
  override name = 'LegacyStoreError';
  readonly httpStatusCode: number | undefined;

  constructor(message: string, httpStatusCode?: number, options?: { cause?: unknown }) {
    super(message, options);
    this.httpStatusCode = httpStatusCode;
  }
}
