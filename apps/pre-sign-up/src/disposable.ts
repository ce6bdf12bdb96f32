import { domainAndParents } from './domain';

/**
 * Tells whether a normalised domain belongs to a throw-away e-mail provider.
 *
 * @example
 * const isDisposable = await loadDisposableDomains();
 * isDisposable('mailinator.com'); // true
 */
export type DisposableCheck = (domain: string) => boolean;

/**
 * Loads the list of throw-away e-mail domains from `disposable-email-domains-js` (about 8,900
 * domains). Imported on demand so that a function that does not block them never parses the
 * list. Subdomains of a listed domain count too: such providers hand out random subdomains.
 *
 * @example
 * const isDisposable = await loadDisposableDomains();
 * isDisposable('x7.mailinator.com'); // true
 */
export async function loadDisposableDomains(): Promise<DisposableCheck> {
  const { disposableEmailBlocklistSet } = await import('disposable-email-domains-js');
  // Built once: the package's own isDisposableEmailDomain rebuilds the whole set on every call.
  const domains: ReadonlySet<string> = disposableEmailBlocklistSet();
  return (domain) => domainAndParents(domain).some((candidate) => domains.has(candidate));
}
