import { parsePasswordHash } from '../hashes/index';
import { emailKey, readLegacyAccount, userKey, type LegacyAccount } from '../legacy-user';

/**
 * A row of the export refused, by line number (1-based) and what is wrong, never with its values.
 *
 * @example
 * const rejected: RejectedRow = { line: 7, problem: 'passwordHash has an unknown format ($1$)' };
 */
export interface RejectedRow {
  readonly line: number;
  readonly problem: string;
}

/** A line longer than this is not one user. */
export const MAX_LINE_LENGTH = 65_536;

/**
 * Reads one line of a JSON-lines export: `{"username", "email", "emailVerified", "passwordHash",
 * "attributes"}` with the same checks the trigger applies, and a password hash of a format it can
 * verify. Blank lines give `undefined`.
 *
 * @example
 * parseExportLine('{"username":"jdoe","passwordHash":"$2b$12$…"}'); // { ok: true, account: … }
 * parseExportLine('{"username":"jdoe","passwordHash":"md5:…"}');    // { ok: false, problem: 'passwordHash has an unknown format' }
 */
export function parseExportLine(
  text: string,
): { ok: true; account: LegacyAccount } | { ok: false; problem: string } | undefined {
  if (text.trim() === '') return undefined;
  if (text.length > MAX_LINE_LENGTH)
    return { ok: false, problem: `the line is longer than ${MAX_LINE_LENGTH} characters` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the line is not valid JSON' };
  }
  const read = readLegacyAccount(value);
  if (!read.ok) return read;
  const hash = parsePasswordHash(read.user.passwordHash);
  if ('problem' in hash) {
    if (hash.problem === 'hash-format-unknown') {
      return { ok: false, problem: `passwordHash has an unknown format${hash.prefix ? ` (${hash.prefix})` : ''}` };
    }
    if (hash.problem === 'hash-malformed')
      return { ok: false, problem: `passwordHash is not a well-formed ${hash.scheme} hash` };
    return {
      ok: false,
      problem: `passwordHash's ${hash.scheme} ${hash.parameter} is beyond what the trigger verifies`,
    };
  }
  return { ok: true, account: read.user };
}

/**
 * Remembers the usernames and e-mail addresses seen so far in one export (by their lookup keys),
 * so that a second row for the same user is refused with the line of the first.
 *
 * @example
 * const seen = duplicateTracker();
 * const problem = seen.check(account, 12); // 'username duplicates line 3'
 */
export function duplicateTracker(): { check(account: LegacyAccount, line: number): string | undefined } {
  const usernames = new Map<string, number>();
  const emails = new Map<string, number>();
  return {
    check(account, line) {
      const user = userKey(account.username);
      const earlierUser = usernames.get(user);
      if (earlierUser !== undefined)
        return `username duplicates line ${earlierUser} (usernames compare case-insensitively)`;
      const email = account.email === undefined ? undefined : emailKey(account.email);
      const earlierEmail = email === undefined ? undefined : emails.get(email);
      if (earlierEmail !== undefined) return `email duplicates line ${earlierEmail}`;
      usernames.set(user, line);
      if (email !== undefined) emails.set(email, line);
      return undefined;
    },
  };
}
