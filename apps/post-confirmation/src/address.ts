import { domainToASCII } from 'node:url';

/**
 * Why a string is not one e-mail address SES can deliver to; safe to log (it names the problem,
 * never the value).
 *
 * @example
 * const problem: AddressProblem = 'line-break-or-control-character';
 */
export type AddressProblem =
  'too-long' | 'line-break-or-control-character' | 'several-addresses' | 'not-one-at-sign' | 'local-part' | 'domain';

/**
 * The result of {@link readAddress}: the address to hand to SES, or what is wrong with it.
 *
 * @example
 * const read: AddressReading = readAddress('jane@example.com'); // { ok: true, address: 'jane@example.com' }
 */
export type AddressReading = { ok: true; address: string } | { ok: false; problem: AddressProblem };

/**
 * What each {@link AddressProblem} means, for configuration errors.
 *
 * @example
 * `EMAIL_FROM must be an e-mail address: ${ADDRESS_PROBLEMS['not-one-at-sign']}`;
 */
export const ADDRESS_PROBLEMS: Readonly<Record<AddressProblem, string>> = {
  'too-long': 'it is longer than an e-mail address can be (254 characters)',
  'line-break-or-control-character': 'it holds a line break or another control character',
  'several-addresses': 'it holds a comma or a semicolon, as a list of addresses would',
  'not-one-at-sign': 'it does not have exactly one @',
  'local-part': 'the part before the @ is not 1 to 64 of the characters an unquoted address allows (ASCII only)',
  domain: 'the part after the @ is not a host name such as example.com',
};

// RFC 5321: a path is at most 256 octets with its angle brackets, so an address at most 254; the
// local part at most 64 octets, a domain at most 253 and each label at most 63.
const MAX_ADDRESS = 254;
const MAX_LOCAL_PART = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;
// Bounds the work on hostile values (Cognito allows attributes of 2048 characters) before any regex.
const MAX_RAW = 1024;

// Every pattern here is linear: character classes in sequence, no nested or overlapping repeats.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const LIST_SEPARATOR = /[,;]/;
// RFC 5322 dot-atom: atext runs separated by single dots. SES does not support SMTPUTF8, so the
// local part is ASCII; quoted local parts ("a b"@x) are refused rather than half supported.
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LDH_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const ALL_DIGITS = /^[0-9]+$/;
const ASCII = /^[\x20-\x7e]*$/;
// What an internationalised domain may be made of before it is converted: letters, marks, digits
// and hyphens in dot-separated labels; nothing a URL host parser would reinterpret (%, /, #, …).
// Made at the first non-ASCII domain, not at import: building its Unicode letter, mark and digit
// classes takes about a millisecond of every cold start, and almost every domain is ASCII.
let unicodeHost: RegExp | undefined;

/**
 * Reads one e-mail address strictly: exactly one `@`, an unquoted ASCII local part, a host name
 * of letter-digit-hyphen labels (at least two, the last not all digits). Surrounding white space
 * is ignored; line breaks, control characters and list separators anywhere are refused, so a
 * value can never add a recipient or a header. With `unicodeDomain`, an internationalised domain
 * (`bücher.example`) is accepted and converted to its ASCII form (`xn--bcher-kva.example`), as SES
 * requires. Linear in the value's length.
 *
 * @example
 * readAddress('jane@bücher.example', { unicodeDomain: true }); // { ok: true, address: 'jane@xn--bcher-kva.example' }
 * readAddress('jane@example.com\r\nBcc: eve@evil.example'); // { ok: false, problem: 'line-break-or-control-character' }
 */
export function readAddress(raw: string, options: { unicodeDomain?: boolean } = {}): AddressReading {
  if (raw.length > MAX_RAW) return { ok: false, problem: 'too-long' };
  if (CONTROL.test(raw)) return { ok: false, problem: 'line-break-or-control-character' };
  const text = raw.trim();
  if (LIST_SEPARATOR.test(text)) return { ok: false, problem: 'several-addresses' };
  const at = text.indexOf('@');
  if (at < 0 || at !== text.lastIndexOf('@')) return { ok: false, problem: 'not-one-at-sign' };
  const localPart = text.slice(0, at);
  if (localPart.length > MAX_LOCAL_PART || !DOT_ATOM.test(localPart)) return { ok: false, problem: 'local-part' };
  const domain = asciiDomain(text.slice(at + 1), options.unicodeDomain ?? false);
  if (domain === undefined) return { ok: false, problem: 'domain' };
  const address = `${localPart}@${domain}`;
  if (address.length > MAX_ADDRESS) return { ok: false, problem: 'too-long' };
  return { ok: true, address };
}

function asciiDomain(domain: string, unicode: boolean): string | undefined {
  if (ASCII.test(domain)) return isHostName(domain) ? domain : undefined;
  if (!unicode) return undefined;
  unicodeHost ??= /^[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+$/u;
  if (!unicodeHost.test(domain)) return undefined;
  // domainToASCII returns '' for what IDNA refuses; the result is checked like any ASCII domain.
  const converted = domainToASCII(domain);
  return converted !== '' && isHostName(converted) ? converted : undefined;
}

function isHostName(domain: string): boolean {
  if (domain.length > MAX_DOMAIN) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || ALL_DIGITS.test(labels[labels.length - 1] ?? '')) return false;
  return labels.every((label) => label.length <= MAX_LABEL && LDH_LABEL.test(label));
}
