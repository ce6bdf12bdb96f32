/**
 * Personal-data scrubbing of free text: e-mail addresses and phone numbers become placeholders.
 *
 * Every string here may come from an attacker (an event value, an SES error quoting one), so the
 * scan is linear whatever the input: one pass finds each at-sign, and the text around it is read
 * at most once from each side (a scan never crosses the previous at-sign or the end of the
 * previous address). No regex on this path can backtrack more than a bounded number of steps.
 * A string longer than {@link MAX_LOGGED_STRING_LENGTH} is cut, with a marker, so one megabyte
 * value costs no more to log than eight kilobytes.
 */

/**
 * The longest string, in UTF-16 code units, a log line carries: anything longer is cut to this
 * length and ends with {@link TRUNCATION_MARKER}. Long enough for any error message or decision a
 * trigger logs; short enough that a hostile megabyte value cannot slow an invocation down.
 *
 * @example
 * scrubPersonalData('x'.repeat(1_000_000)).length; // MAX_LOGGED_STRING_LENGTH + TRUNCATION_MARKER.length
 */
export const MAX_LOGGED_STRING_LENGTH = 8_192;

/**
 * What ends a string that was cut to {@link MAX_LOGGED_STRING_LENGTH}.
 *
 * @example
 * scrubPersonalData('x'.repeat(10_000)).endsWith(TRUNCATION_MARKER); // true
 */
export const TRUNCATION_MARKER = '…[truncated]';

/** Text read past the cut before scrubbing, so an address or number across it is still recognised. */
const LOOKAHEAD = 1_024;

const EMAIL_PLACEHOLDER = '[email]';
const PHONE_PLACEHOLDER = '[phone]';

// Cognito stores phone numbers in E.164 ("+12065551234"); SNS and SES errors echo them that way,
// sometimes formatted. Separators and digits are disjoint and the repetition is bounded, so a match
// attempt at each "+" or "(" reads a bounded stretch (the trailing \d* ends at the first non-digit).
const PHONE = /\+\d(?:[\s().-]{0,3}\d){6,14}\d*|\(\d{3}\)\s?\d{3}[\s.-]\d{4}/g;
// Only text holding one of these can hold an address or a phone number.
const MAYBE_PERSONAL = /[@+(%\uFF20\uFE6B]/;

/**
 * Replaces e-mail addresses and phone numbers in a string with placeholders, and cuts a string
 * longer than {@link MAX_LOGGED_STRING_LENGTH}. Errs on the side of scrubbing: anything with a
 * word character on both sides of an at-sign (`@`, fullwidth `＠`, small `﹫` or `%40`) counts as an
 * address, including quoted local parts (`"alice liddell"@wonder.example`), comments
 * (`alice(work)@wonder.example`), domain literals (`alice@[192.0.2.1]`) and dotless domains
 * (`alice@wonder`). A scoped package name (`'@aws-sdk/client-ses'`) is left alone.
 *
 * @example
 * scrubPersonalData('Email address is not verified: jane@example.com');
 * // 'Email address is not verified: [email]'
 */
export function scrubPersonalData(text: string): string {
  if (text.length > MAX_LOGGED_STRING_LENGTH) {
    const scrubbed = scrubText(text.slice(0, MAX_LOGGED_STRING_LENGTH + LOOKAHEAD));
    return cutAt(scrubbed, MAX_LOGGED_STRING_LENGTH) + TRUNCATION_MARKER;
  }
  return scrubText(text);
}

function scrubText(text: string): string {
  if (!MAYBE_PERSONAL.test(text)) return text;
  return scrubAddresses(text).replace(PHONE, PHONE_PLACEHOLDER);
}

/** The first `length` code units of `text`, one fewer when that would split a surrogate pair. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

const QUOTE = 0x22; // "
const APOSTROPHE = 0x27; // '
const BACKSLASH = 0x5c;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** The longest quoted local part or comment looked for, four times what RFC 5321 allows a local part. */
const MAX_QUOTED_LENGTH = 256;

/**
 * E-mail addresses replaced by a placeholder, with no length cut (the tests run it on a megabyte).
 *
 * @example
 * scrubAddresses('to "alice liddell"@wonder.example, bob@[192.0.2.1]'); // 'to [email], [email]'
 */
export function scrubAddresses(text: string): string {
  let out = '';
  let copiedUpTo = 0; // text before this index is already in `out`
  let floor = 0; // a scan to the left never goes below this: the end of the previous at-sign or address
  let index = 0;
  while (index < text.length) {
    const atLength = atSignLength(text, index);
    if (atLength === 0) {
      index += 1;
      continue;
    }
    const domainStart = index + atLength;
    const start = localPartStart(text, index, floor);
    const end = hasWordCharacter(text, start, index) ? domainEnd(text, domainStart) : domainStart;
    if (hasWordCharacter(text, domainStart, end)) {
      out += text.slice(copiedUpTo, start) + EMAIL_PLACEHOLDER;
      copiedUpTo = end;
      index = end; // the next at-sign search starts after this address
    } else {
      index = domainStart;
    }
    floor = index;
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** The length of an at-sign starting at `index`: `@`, `＠`, `﹫` (1) or `%40` (3); 0 for none. */
function atSignLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code === 0x40 || code === 0xff20 || code === 0xfe6b) return 1;
  if (code === 0x25 && text.charCodeAt(index + 1) === 0x34 && text.charCodeAt(index + 2) === 0x30) return 3;
  return 0;
}

/**
 * Where the local part before the at-sign at `at` begins (`at` itself when there is none). A quoted
 * string or a comment right before the at-sign may hold spaces; elsewhere the part ends at a space
 * or a delimiter. Never reads below `floor`, so no character is read twice.
 */
function localPartStart(text: string, at: number, floor: number): number {
  let index = at - 1;
  const before = text.charCodeAt(index);
  if (index >= floor && (before === QUOTE || before === CLOSE_PAREN)) {
    const opening = before === QUOTE ? QUOTE : OPEN_PAREN;
    const limit = Math.max(floor, at - MAX_QUOTED_LENGTH);
    index -= 1;
    while (index >= limit && !(text.charCodeAt(index) === opening && text.charCodeAt(index - 1) !== BACKSLASH)) {
      index -= 1;
    }
    // No opening quote or parenthesis near enough: scrub the stretch searched rather than guess.
    if (index < limit) return limit;
    index -= 1;
  }
  while (index >= floor && !endsLocalPart(text.charCodeAt(index))) index -= 1;
  let start = index + 1;
  // A quote or parenthesis before the address is punctuation: "('jane@example.com')" keeps it.
  while (start < at && (text.charCodeAt(start) === APOSTROPHE || text.charCodeAt(start) === OPEN_PAREN)) start += 1;
  return start;
}

/**
 * Where the domain after an at-sign ends: a domain literal (`[192.0.2.1]`), or a run of domain
 * characters, after a comment if one comes first.
 */
function domainEnd(text: string, from: number): number {
  let index = from;
  if (text.charCodeAt(index) === OPEN_BRACKET) {
    while (index < text.length && text.charCodeAt(index) !== CLOSE_BRACKET && !isSpace(text.charCodeAt(index))) {
      index += 1;
    }
    return text.charCodeAt(index) === CLOSE_BRACKET ? index + 1 : index;
  }
  if (text.charCodeAt(index) === OPEN_PAREN) {
    const limit = Math.min(text.length, from + MAX_QUOTED_LENGTH);
    while (index < limit && text.charCodeAt(index) !== CLOSE_PAREN) index += 1;
    index += 1;
  }
  while (index < text.length && !endsDomain(text.charCodeAt(index))) index += 1;
  return Math.min(index, text.length);
}

/** True when `text[from, to)` holds a letter or digit, ASCII or not: what separates an address from punctuation. */
function hasWordCharacter(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) {
    const code = text.charCodeAt(index);
    const lower = code | 0x20;
    if ((code >= 0x30 && code <= 0x39) || (lower >= 0x61 && lower <= 0x7a) || (code > 0x7f && !isSpace(code))) {
      return true;
    }
  }
  return false;
}

/** Spaces and controls, ASCII and Unicode: where an unquoted address always ends. */
function isSpace(code: number): boolean {
  if (code <= 0x20 || code === 0x7f) return true;
  if (code < 0xa0) return code >= 0x80;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

// Delimiters around an address in prose, JSON and headers. "/" ends a local part so that a module
// path (node_modules/@smithy/...) is not read as an address.
const LOCAL_PART_DELIMITERS = codes('<>,;:"[]/\\');
const DOMAIN_DELIMITERS = codes('<>,;:"\'()[]\\');

function codes(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((char) => char.charCodeAt(0)));
}

function endsLocalPart(code: number): boolean {
  return isSpace(code) || LOCAL_PART_DELIMITERS.has(code);
}

function endsDomain(code: number): boolean {
  return isSpace(code) || DOMAIN_DELIMITERS.has(code);
}
