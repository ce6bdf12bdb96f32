/**
 * A user as the legacy store holds them: what the DynamoDB table's items, the JSON-lines export's
 * rows and the verify-credentials endpoint's answers all carry. One reader checks all three, so a
 * row the import accepts is one the trigger can migrate.
 *
 * @example
 * const user: LegacyUser = { username: 'jdoe', email: 'jane@example.com', emailVerified: true, attributes: { first_name: 'Jane' } };
 */
export interface LegacyUser {
  readonly username: string;
  readonly email?: string;
  /** True only when the legacy system verified the address; anything else is false. */
  readonly emailVerified: boolean;
  /** Legacy attribute name -> value, copied into Cognito attributes through `ATTRIBUTE_MAP`. */
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * A {@link LegacyUser} with the stored password hash (the table and the export; the endpoint
 * checks passwords itself).
 *
 * @example
 * const account: LegacyAccount = { ...user, passwordHash: '$2b$12$…' };
 */
export interface LegacyAccount extends LegacyUser {
  readonly passwordHash: string;
}

/**
 * Limits of a legacy user's fields: Cognito's own (128-character usernames, 2048-character
 * attribute values, 50 custom attributes) and the e-mail length SMTP allows.
 *
 * @example
 * if (username.length > LEGACY_USER_LIMITS.usernameLength) reject();
 */
export const LEGACY_USER_LIMITS = {
  usernameLength: 128,
  emailLength: 254,
  hashLength: 1024,
  attributeCount: 60,
  attributeNameLength: 64,
  attributeValueLength: 2048,
} as const;

// C0 and C1 controls, DEL, and the line and paragraph separators: none belongs in these fields.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
// A high surrogate not followed by a low one, or a low one not preceded by a high one. (The same as
// String.prototype.isWellFormed, which packages type-checking this file with an older lib lack.)
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.:-]+$/;
const EMAIL = /^[^\s@,;<>()[\]"\\]+@[^\s@,;<>()[\]"\\]+$/;

/** A string field's problem, or undefined when it is plain, well-formed text of 1..max characters (0..max with `allowEmpty`). */
function textProblem(value: unknown, max: number, allowEmpty = false): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length === 0 && !allowEmpty) return 'must not be empty';
  if (value.length > max) return `must be at most ${max} characters`;
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it has a lone surrogate)';
  if (CONTROL.test(value)) return 'must not contain line breaks or control characters';
  return undefined;
}

/**
 * The reason `login` (the `userName` Cognito sends) cannot name a legacy user, or undefined.
 * Checked before any lookup, so a hostile value never reaches the store.
 *
 * @example
 * loginProblem('jane\r\n@example.com'); // 'must not contain line breaks or control characters'
 */
export function loginProblem(login: string): string | undefined {
  return textProblem(login, LEGACY_USER_LIMITS.emailLength);
}

/**
 * The key a username is stored and looked up under: NFC-normalised and lower-cased, so that
 * `JDoe` and `jdoe` are one user, as Cognito's case-insensitive usernames are.
 *
 * @example
 * userKey('JDoe'); // 'jdoe'
 */
export function userKey(username: string): string {
  return username.normalize('NFC').toLowerCase();
}

/**
 * The key an e-mail address is looked up under: NFC-normalised and lower-cased, whole.
 *
 * @example
 * emailKey('Jane@Example.COM'); // 'jane@example.com'
 */
export function emailKey(email: string): string {
  return email.normalize('NFC').toLowerCase();
}

/**
 * Reads a legacy user from untrusted data. Returns the user, or the first problem found as
 * `field: what is wrong` (never the value itself, which may be personal).
 *
 * @example
 * readLegacyUser({ username: 'jdoe', emailVerified: 'yes' });
 * // { ok: false, problem: 'emailVerified must be true or false' }
 */
export function readLegacyUser(value: unknown): { ok: true; user: LegacyUser } | { ok: false; problem: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'the user must be a JSON object' };
  }
  const record = value as Record<string, unknown>;
  const usernameProblem = textProblem(record.username, LEGACY_USER_LIMITS.usernameLength);
  if (usernameProblem) return { ok: false, problem: `username ${usernameProblem}` };
  if (record.email !== undefined && record.email !== null) {
    const emailProblem = textProblem(record.email, LEGACY_USER_LIMITS.emailLength);
    if (emailProblem) return { ok: false, problem: `email ${emailProblem}` };
    if (!EMAIL.test(record.email as string))
      return { ok: false, problem: 'email must be one address (one @, no spaces)' };
  }
  if (record.emailVerified !== undefined && typeof record.emailVerified !== 'boolean') {
    return { ok: false, problem: 'emailVerified must be true or false' };
  }
  const attributes = readAttributes(record.attributes);
  if (typeof attributes === 'string') return { ok: false, problem: attributes };
  const email = typeof record.email === 'string' ? record.email : undefined;
  return {
    ok: true,
    user: {
      username: record.username as string,
      ...(email === undefined ? {} : { email }),
      emailVerified: record.emailVerified === true,
      attributes,
    },
  };
}

/**
 * {@link readLegacyUser}, plus the stored `passwordHash` (its format is checked by the hash reader).
 *
 * @example
 * readLegacyAccount({ username: 'jdoe', passwordHash: '$2b$12$…' });
 */
export function readLegacyAccount(value: unknown): { ok: true; user: LegacyAccount } | { ok: false; problem: string } {
  const read = readLegacyUser(value);
  if (!read.ok) return read;
  const passwordHash = (value as Record<string, unknown>).passwordHash;
  const hashProblem = textProblem(passwordHash, LEGACY_USER_LIMITS.hashLength);
  if (hashProblem) return { ok: false, problem: `passwordHash ${hashProblem}` };
  return { ok: true, user: { ...read.user, passwordHash: passwordHash as string } };
}

function readAttributes(value: unknown): Record<string, string> | string {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) return 'attributes must be an object of strings';
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > LEGACY_USER_LIMITS.attributeCount) {
    return `attributes must have at most ${LEGACY_USER_LIMITS.attributeCount} entries`;
  }
  const attributes: [string, string][] = [];
  for (const [name, attribute] of entries) {
    if (name.length > LEGACY_USER_LIMITS.attributeNameLength || !ATTRIBUTE_NAME.test(name)) {
      return 'attributes has a name that is not letters, digits and _ . : - (at most 64)';
    }
    // Exports write an absent attribute as "": it is kept, and the mapping copies nothing for it.
    const problem = textProblem(attribute, LEGACY_USER_LIMITS.attributeValueLength, true);
    if (problem) return `attributes.${name} ${problem}`;
    attributes.push([name, attribute as string]);
  }
  // fromEntries makes own properties even of "__proto__", which an assignment would not.
  return Object.fromEntries(attributes);
}
