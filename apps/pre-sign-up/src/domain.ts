import { domainToASCII, domainToUnicode } from 'node:url';

const MAX_DOMAIN_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
// In ASCII only letters, digits, '-' and '.': the URL host parser that domainToASCII is would
// otherwise decode `%61`, drop a tab or cut at `/`, `?`, `#`, `\` or `@`. One class: linear time.
const LDH_OR_NON_ASCII = /^[A-Za-z0-9.\-\u0080-\u{10FFFF}]+$/u;
// Controls, format characters (soft hyphen, zero-width joiner), lone surrogates, private-use and
// unassigned code points, and every kind of space or line separator.
const INVISIBLE_OR_CONTROL = /[\p{C}\p{Z}]/u;
const NON_ASCII = /[\u0080-\u{10FFFF}]/u;
const LDH = /^[a-z0-9-]+$/;
const DIGITS = /^[0-9]+$/;

/**
 * Normalises a domain name for comparison, strictly: one trailing dot dropped, case folded and
 * internationalised labels turned into punycode (A-labels), so `Bücher.Example.` and
 * `xn--bcher-kva.example` compare equal. Returns `undefined` for anything that is not a host name
 * of at least `minLabels` labels: a character outside letters, digits, `-` and `.` in ASCII, a
 * control, space or invisible character, an empty label, a label over 63 characters or starting
 * or ending with `-`, over 253 characters in all, an all-digit top-level label, a `xn--` label
 * that is not valid punycode, or a Unicode label that would only match after being mapped to
 * another one (full-width letters, `。` as a dot).
 *
 * @example
 * normalizeDomain('Bücher.Example.'); // 'xn--bcher-kva.example'
 * normalizeDomain('example.com/x'); // undefined
 */
export function normalizeDomain(raw: string, minLabels = 2): string | undefined {
  // The A-label form is never shorter than what maps to it, so this bounds all the work below.
  if (raw.length > MAX_DOMAIN_LENGTH + 1) return undefined;
  const name = raw.endsWith('.') ? raw.slice(0, -1) : raw;
  // Refuse delimiters and invisible characters before the URL host parser can reinterpret them.
  if (!LDH_OR_NON_ASCII.test(name) || INVISIBLE_OR_CONTROL.test(name)) return undefined;
  const ascii = domainToASCII(name); // '' when the parser refuses the name
  if (ascii === '' || ascii.length > MAX_DOMAIN_LENGTH) return undefined;
  const given = name.split('.');
  const labels = ascii.split('.');
  // A different count means a Unicode full stop (`。`, `．`) was read as a dot: not what was typed.
  if (labels.length < minLabels || labels.length !== given.length) return undefined;
  const unicode = domainToUnicode(ascii).split('.');
  const valid = labels.every(
    (label, index) => isLdhLabel(label) && isFaithful(given[index] ?? '', label, unicode[index] ?? ''),
  );
  // An all-digit last label makes an IPv4 address of the name for the URL parser, never a domain.
  if (!valid || DIGITS.test(labels[labels.length - 1] ?? '')) return undefined;
  return ascii;
}

function isLdhLabel(label: string): boolean {
  return (
    label.length > 0 &&
    label.length <= MAX_LABEL_LENGTH &&
    LDH.test(label) &&
    !label.startsWith('-') &&
    !label.endsWith('-')
  );
}

// The A-label must say what the given label says, up to case (and Unicode normalisation): the URL
// parser also maps full-width letters, drops characters and rewrites IPv4 forms, and differs
// between Node versions on bad punycode (Node 20 refuses `xn--a`, Node 24 passes it through).
function isFaithful(given: string, ascii: string, unicode: string): boolean {
  if (NON_ASCII.test(given)) return unicode === given.normalize('NFC').toLowerCase();
  if (ascii !== given.toLowerCase()) return false;
  if (!ascii.startsWith('xn--')) return true;
  // A `xn--` label must decode to a Unicode label that encodes back to it.
  return NON_ASCII.test(unicode) && domainToASCII(unicode) === ascii;
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
