import { normalizeDomain } from './domain';

/**
 * One entry of a domain list: `example.com` matches that domain only (`exact`), `*.example.com`
 * its subdomains only (`subdomains`). `domain` is normalised (see `normalizeDomain`).
 *
 * @example
 * const rule: DomainRule = { kind: 'subdomains', domain: 'example.com' };
 */
export interface DomainRule {
  readonly kind: 'exact' | 'subdomains';
  readonly domain: string;
}

/**
 * A configured list of domain rules, with the variable it came from so that a decision can say
 * which rule matched without saying which domain the user has.
 *
 * @example
 * const blocked: DomainList = { variable: 'BLOCKED_EMAIL_DOMAINS', rules: parseDomainList('spam.example') };
 */
export interface DomainList {
  readonly variable: string;
  readonly rules: readonly DomainRule[];
}

/**
 * Which rule of which list matched: safe to log, because it names configuration, not the user.
 *
 * @example
 * // { list: 'ALLOWED_EMAIL_DOMAINS', entry: 0, match: 'subdomains' }
 */
export interface RuleMatch {
  readonly list: string;
  /** Zero-based position of the matching entry in the variable's comma-separated value. */
  readonly entry: number;
  readonly match: DomainRule['kind'];
}

/**
 * Parses a comma-separated list of `example.com` and `*.example.com` entries. Throws an error
 * quoting the bad entry (configuration, not personal data) for the reader to prefix with the
 * variable's name.
 *
 * @example
 * parseDomainList('Example.com, *.Bücher.example');
 * // [{ kind: 'exact', domain: 'example.com' }, { kind: 'subdomains', domain: 'xn--bcher-kva.example' }]
 */
export function parseDomainList(raw: string): DomainRule[] {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  if (entries.length === 0) throw new Error('must list at least one domain (or be left unset)');
  return entries.map(parseRule);
}

function parseRule(entry: string): DomainRule {
  if (entry.includes('@')) throw new Error(`entry "${entry}" is an e-mail address; list domains such as example.com`);
  const subdomains = entry.startsWith('*.');
  // `*.com` is a deliberate rule (every .com domain); a bare `com` would be a typo for a domain.
  const domain = normalizeDomain(subdomains ? entry.slice(2) : entry, subdomains ? 1 : 2);
  if (!domain)
    throw new Error(
      `entry "${entry}" is not a domain: use example.com for that domain or *.example.com for its subdomains`,
    );
  return { kind: subdomains ? 'subdomains' : 'exact', domain };
}

/**
 * The first rule of `list` that a normalised domain matches, or `undefined`.
 *
 * @example
 * matchDomain({ variable: 'ALLOWED_EMAIL_DOMAINS', rules: parseDomainList('*.example.com') }, 'eu.example.com');
 * // { list: 'ALLOWED_EMAIL_DOMAINS', entry: 0, match: 'subdomains' }
 */
export function matchDomain(list: DomainList | undefined, domain: string): RuleMatch | undefined {
  if (!list) return undefined;
  const entry = list.rules.findIndex((rule) =>
    rule.kind === 'exact' ? domain === rule.domain : domain.endsWith(`.${rule.domain}`),
  );
  const rule = list.rules[entry];
  return rule ? { list: list.variable, entry, match: rule.kind } : undefined;
}
