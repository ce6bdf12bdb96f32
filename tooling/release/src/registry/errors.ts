/**
 * Why a release command refused to start.
 *
 * @example
 * RELEASE_CONFIGURATION_PROBLEMS.includes(error.code); // true for every ReleaseConfigurationError
 */
export const RELEASE_CONFIGURATION_PROBLEMS = [
  'USAGE',
  'UNKNOWN_TRIGGER',
  'INVALID_TRIGGER',
  'MISSING_ENVIRONMENT',
  'INVALID_ENVIRONMENT',
  'MISSING_ARTIFACT',
  'INVALID_STAGE',
  'UNAPPROVED_REMOVALS',
] as const;

/**
 * A problem found before any AWS call: wrong arguments, an unknown trigger, an app whose
 * `cognitoTrigger` field is invalid, missing or unreadable environment, a missing or stale
 * artifact, a bad stage file, or (after read-only calls) a deploy that would remove variables
 * nobody approved. Its message is written for the person running the command.
 *
 * @example
 * if (error instanceof ReleaseConfigurationError && error.code === 'UNKNOWN_TRIGGER') process.exitCode = 2;
 */
export class ReleaseConfigurationError extends Error {
  override readonly name = 'ReleaseConfigurationError';
  readonly code: (typeof RELEASE_CONFIGURATION_PROBLEMS)[number];

  constructor(code: ReleaseConfigurationError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
