/**
 * OAuth scopes to add to the access token, by the name of the group whose members get them.
 *
 * @example
 * const scopesByGroup: ScopesByGroup = new Map([['admins', ['api/admin']]]);
 */
export type ScopesByGroup = ReadonlyMap<string, readonly string[]>;

// RFC 6749 section 3.3: a scope token is printable ASCII without space, double quote or backslash.
const SCOPE = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const GROUP = /^[^\s=;]+$/;

/**
 * Parses `group=scope scope;group=scope` (groups separated by semicolons, scopes by spaces).
 * Throws an error saying which entry is wrong, for the configuration reader to prefix with the
 * variable's name.
 *
 * @example
 * parseScopesByGroup('admins=api/admin;staff=api/read api/write').get('staff'); // ['api/read', 'api/write']
 */
export function parseScopesByGroup(raw: string): ScopesByGroup {
  const scopesByGroup = new Map<string, readonly string[]>();
  for (const entry of raw.split(';').map((item) => item.trim())) {
    if (entry === '') continue;
    const equals = entry.indexOf('=');
    const group = entry.slice(0, equals).trim();
    const scopes = entry
      .slice(equals + 1)
      .split(/\s+/)
      .filter((scope) => scope !== '');
    if (equals < 0 || !GROUP.test(group) || scopes.length === 0) {
      throw new Error(
        `has an entry "${entry}" that is not group=scope (more scopes separated by spaces, groups by semicolons)`,
      );
    }
    // A comma is legal in a scope, but here it is a list written the wrong way.
    const listed = scopes.find((scope) => scope.includes(','));
    if (listed !== undefined)
      throw new Error(`gives the group ${group} the scope "${listed}"; separate scopes with spaces, not commas`);
    const bad = scopes.find((scope) => !SCOPE.test(scope));
    if (bad !== undefined)
      throw new Error(`gives the group ${group} the scope "${bad}", which is not a valid OAuth scope`);
    if (scopesByGroup.has(group)) throw new Error(`names the group ${group} twice`);
    scopesByGroup.set(group, [...new Set(scopes)]);
  }
  return scopesByGroup;
}

/**
 * The scopes the members of `groups` get, each once, in configuration order, minus those the
 * token already has.
 *
 * @example
 * scopesForGroups(parseScopesByGroup('admins=api/admin;staff=api/read'), ['staff'], []); // ['api/read']
 */
export function scopesForGroups(
  scopesByGroup: ScopesByGroup,
  groups: readonly string[],
  existing: readonly string[],
): string[] {
  const member = new Set(groups);
  const have = new Set(existing);
  const scopes = new Set<string>();
  for (const [group, granted] of scopesByGroup) {
    if (!member.has(group)) continue;
    for (const scope of granted) if (!have.has(scope)) scopes.add(scope);
  }
  return [...scopes];
}
