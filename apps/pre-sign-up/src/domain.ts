import { domainToASCII } from 'node:url';

// One DNS label in its ASCII (punycode) form: letters, digits and inner hyphens.
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_DOMAIN_LENGTH = 253;

/**
 * Normalises a domain name for comparison: trimmed, one trailing dot dropped, case folded and
 * internationalised labels turned into punycode (UTS #46, as browsers and Node's URL parser do),
 * so `Bücher.Example.` and `xn--bcher-kva.example` compare equal. Returns `undefined` for
 * anything that is not a host name of at least `minLabels` labels.
 *
 * @example
 * normalizeDomain('Bücher.Example.'); // 'xn--bcher-kva.example'
 * normalizeDomain('not a domain'); // undefined
 */
export function normalizeDomain(raw: string, minLabels = 2): string | undefined {
  const trimmed = raw.trim();
  const withoutDot = trimmed.endsWith('.') ? trimmed.slice(0, -1) : trimmed;
  // domainToASCII lets `*` and `_` through; the label check below refuses them.
  const ascii = withoutDot === '' ? '' : domainToASCII(withoutDot);
  if (ascii === '' || ascii.length > MAX_DOMAIN_LENGTH) return undefined;
  const labels = ascii.split('.');
  if (labels.length < minLabels || !labels.every((label) => LABEL.test(label))) return undefined;
  return ascii;
}

/**
 * The normalised domain of an e-mail address, or `undefined` when the address has no usable
 * domain (no `@`, nothing before it, or not a host name after it).
 *
 * @example
 * emailDomain('Jane@Bücher.Example'); // 'xn--bcher-kva.example'
 * emailDomain('jane@'); // undefined
 */
export function emailDomain(address: string): string | undefined {
  const text = address.trim();
  // The last `@`: a quoted local part may contain one.
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  return normalizeDomain(text.slice(at + 1));
}

/**
 * The domain itself and each parent domain of two labels or more, nearest first: what a list of
 * registrable domains has to be checked against when providers hand out subdomains.
 *
 * @example
 * domainAndParents('a.b.mailinator.com'); // ['a.b.mailinator.com', 'b.mailinator.com', 'mailinator.com']
 */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const candidates: string[] = [];
  for (let start = 0; start <= labels.length - 2; start += 1) candidates.push(labels.slice(start).join('.'));
  return candidates;
}
