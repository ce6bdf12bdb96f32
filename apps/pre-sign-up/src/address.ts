import { normalizeDomain } from './domain';

// RFC 5321's limits: 64 octets of local part, 254 for the whole address (a path of 256 with its angle brackets).
const MAX_ADDRESS_LENGTH = 254;
const MAX_LOCAL_PART_LENGTH = 64;
// One atom of an RFC 5321 dot-string: letters, digits and !#$%&'*+-/=?^_`{|}~. One class, no nesting: linear time.
const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Why an e-mail address could not be read; safe to log, since it names no part of the address.
 *
 * @example
 * const problem: AddressProblem = 'several-at-signs'; // "user@evil.example@acme.example"
 */
export type AddressProblem =
  'too-long' | 'malformed-text' | 'no-at-sign' | 'several-at-signs' | 'local-part' | 'domain';

/**
 * An e-mail address as the gate reads it: its normalised domain (see `normalizeDomain`), or the
 * problem that makes it unreadable.
 *
 * @example
 * const parsed: ParsedAddress = parseAddress('jane@Bücher.example'); // { domain: 'xn--bcher-kva.example' }
 */
export type ParsedAddress = { readonly domain: string } | { readonly problem: AddressProblem };

/**
 * Reads an e-mail address strictly: at most 254 characters, well-formed text, exactly one `@`, a
 * local part that is an RFC 5321 dot-string of ASCII (no quoted local parts, no spaces, at most 64
 * characters) and a domain that `normalizeDomain` accepts. Nothing is trimmed or decoded.
 *
 * @example
 * parseAddress('Jane.Doe+news@Acme.Example.'); // { domain: 'acme.example' }
 * parseAddress('jane@evil.example@acme.example'); // { problem: 'several-at-signs' }
 */
export function parseAddress(raw: string): ParsedAddress {
  // First, so that a megabyte value costs nothing more than its length.
  if (raw.length > MAX_ADDRESS_LENGTH) return { problem: 'too-long' };
  if (LONE_SURROGATE.test(raw)) return { problem: 'malformed-text' };
  const at = raw.indexOf('@');
  if (at === -1) return { problem: 'no-at-sign' };
  if (raw.includes('@', at + 1)) return { problem: 'several-at-signs' };
  const localPart = raw.slice(0, at);
  if (!isDotString(localPart)) return { problem: 'local-part' };
  const domain = normalizeDomain(raw.slice(at + 1));
  if (domain === undefined) return { problem: 'domain' };
  // An internationalised domain is longer in punycode, the form mail is sent to.
  if (localPart.length + 1 + domain.length > MAX_ADDRESS_LENGTH) return { problem: 'too-long' };
  return { domain };
}

function isDotString(localPart: string): boolean {
  return localPart.length <= MAX_LOCAL_PART_LENGTH && localPart.split('.').every((atom) => ATOM.test(atom));
}
