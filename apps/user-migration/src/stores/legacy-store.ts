import type { HashScheme } from '../hashes/index';
import type { LegacyUser } from '../legacy-user';

/**
 * Why a legacy user is not migrated although nothing broke. All of them get the same user-safe
 * answer, so the trigger cannot be used to tell which accounts exist.
 *
 * @example
 * const reason: RejectionReason = 'password-mismatch';
 */
export type RejectionReason = 'user-not-found' | 'password-mismatch' | 'locked' | 'concurrent-attempt';

/**
 * What a store says about one sign-in or lookup. `found`, `lookupBy`, `hashScheme` and
 * `failedAttempts` go on the summary line; the user's data never does.
 *
 * @example
 * const result: StoreAnswer = { outcome: 'rejected', reason: 'user-not-found', found: false };
 */
export type StoreAnswer =
  | {
      outcome: 'found';
      user: LegacyUser;
      found: true;
      lookupBy?: LookupField;
      hashScheme?: HashScheme;
      /** False when the attempt counter could not be reset after a match (the user is migrated all the same). */
      attemptsCleared?: boolean;
    }
  | {
      outcome: 'rejected';
      reason: RejectionReason;
      found: boolean;
      lookupBy?: LookupField;
      hashScheme?: HashScheme;
      failedAttempts?: number;
    };

/**
 * Which of the user's identifiers matched.
 *
 * @example
 * const field: LookupField = 'email';
 */
export type LookupField = 'username' | 'email';

/**
 * A legacy user store: the DynamoDB table of exported hashes, or the verify-credentials endpoint.
 * Both take the invocation's signal and stop at the deadline; an outage is thrown, a data
 * problem is a `LegacyDataError`, and everything else is a {@link StoreAnswer}.
 *
 * @example
 * const answer = await store.authenticate(event.userName, event.request.password, signal);
 */
export interface LegacyStore {
  readonly kind: 'dynamodb' | 'http';
  /** Finds the user and checks the password (`UserMigration_Authentication`). */
  authenticate(login: string, password: string, signal: AbortSignal): Promise<StoreAnswer>;
  /** Finds the user without a password (`UserMigration_ForgotPassword`). */
  lookup(login: string, signal: AbortSignal): Promise<StoreAnswer>;
}
