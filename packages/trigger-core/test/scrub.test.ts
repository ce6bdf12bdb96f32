import { describe, expect, it } from 'vitest';
import { createLogger, scrubPersonalData } from '../src/index';
import { MAX_LOGGED_STRING_LENGTH, TRUNCATION_MARKER, scrubAddresses } from '../src/scrub';
import { captureLogs, findPersonalData } from '../src/testing/index';

const MEGABYTE = 1 << 20;

/** `unit` repeated to about a megabyte. */
function megabyteOf(unit: string): string {
  return unit.repeat(Math.ceil(MEGABYTE / unit.length));
}

describe('scrubPersonalData', () => {
  it.each([
    ['an ordinary address', 'jane.doe@example.com'],
    ['a plus address', 'jane.doe+signup@example.com'],
    ['a quoted local part with a space', '"alice liddell"@wonder.example'],
    ['a quoted local part with an escaped quote', '"alice \\"the\\" liddell"@wonder.example'],
    ['a domain literal', 'alice@[192.0.2.1]'],
    ['an IPv6 domain literal', 'alice@[IPv6:2001:db8::1]'],
    ['a comment before the at-sign', 'alice(work)@wonder.example'],
    ['a comment with a space before the at-sign', 'alice(at work)@wonder.example'],
    ['a comment after the at-sign', 'alice@(home)wonder.example'],
    ['a dotless domain', 'alice@wonder'],
    ['an internationalised address', 'jürgen@bücher.example'],
    ['a fullwidth at-sign', 'alice＠wonder.example'],
    ['a percent-encoded at-sign', 'alice%40wonder.example'],
    ['a second at-sign', 'user@evil.example@example.com'],
    ['an apostrophe in the local part', "o'brien@example.com"],
  ])('scrubs %s as SES quotes it', (_kind, address) => {
    const message = `Email address is not verified. The following identities failed the check in region EU-WEST-1: ${address}, Jane <${address}>`;
    const scrubbed = scrubPersonalData(message);
    expect(scrubbed).toBe(
      'Email address is not verified. The following identities failed the check in region EU-WEST-1: [email], Jane <[email]>',
    );
    expect(findPersonalData(scrubbed)).toEqual([]);
  });

  it('scrubs addresses inside JSON, quotes, parentheses and query strings, keeping the punctuation around them', () => {
    expect(scrubPersonalData(`{"to":"jane@example.com"} ('bob@example.com') ?to=carol%40example.com&x=1`)).toBe(
      `{"to":"[email]"} ('[email]') [email]`,
    );
  });

  it('scrubs phone numbers in E.164 and formatted', () => {
    expect(scrubPersonalData('call +12065550142, +44 20 7946 0958 or (206) 555-0142')).toBe(
      'call [phone], [phone] or [phone]',
    );
  });

  it('leaves dates, durations, ids and scoped package names alone', () => {
    const text =
      "at 2026-11-27T20:41:17+01:00 took 1234567 ms for 7d8ef9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01: Cannot find package '@aws-sdk/client-ses' in /var/task/node_modules/@smithy/core";
    expect(scrubPersonalData(text)).toBe(text);
  });

  it('cuts a string longer than the limit and says so, scrubbing an address across the cut', () => {
    const text = `${'x'.repeat(MAX_LOGGED_STRING_LENGTH - 10)} jane.doe@example.com ${'y'.repeat(MEGABYTE)}`;
    const scrubbed = scrubPersonalData(text);
    // The placeholder is shorter than the address, so one more character of the text fits.
    expect(scrubbed).toBe(`${'x'.repeat(MAX_LOGGED_STRING_LENGTH - 10)} [email] y${TRUNCATION_MARKER}`);
    expect(scrubbed).not.toContain('jane');
  });

  it('never cuts a character in half', () => {
    const scrubbed = scrubPersonalData(`${'x'.repeat(MAX_LOGGED_STRING_LENGTH - 1)}👋👋`);
    expect(scrubbed).toBe(`${'x'.repeat(MAX_LOGGED_STRING_LENGTH - 1)}${TRUNCATION_MARKER}`);
    expect(() => encodeURIComponent(scrubbed)).not.toThrow(); // URIError on a lone surrogate
  });
});

// Each of these made the old scrubber's regexes backtrack over the whole string from every
// position. A quadratic scan of a megabyte takes hours, so the test timing out is the failure.
const HOSTILE: [string, string, string[]][] = [
  ['a run without spaces ending in an at-sign', `${megabyteOf('a')}@`, []],
  ['local parts joined by at-signs', megabyteOf('jane.doe@'), ['jane.doe']],
  ['an SES error listing addresses without spaces', megabyteOf('jane.doe@example.com,'), ['jane.doe', 'example.com']],
  ['at-signs only', megabyteOf('@'), []],
  ['quotes before at-signs', megabyteOf('"a"@'), []],
  ['unclosed quotes', `${megabyteOf('"x y')}"alice liddell"@wonder.example`, ['alice', 'liddell', 'wonder']],
  ['unclosed comments', `${megabyteOf('alice(work@')}wonder`, ['alice', 'work']],
  ['domain literals', megabyteOf('alice@[192.0.2.1'), ['alice', '192.0.2.1']],
  ['percent-encoded at-signs', megabyteOf('%40'), []],
  ['dots after at-signs', megabyteOf('a@....'), []],
  ['plus signs and digits', megabyteOf('+1 2'), []],
  ['parentheses and digits', megabyteOf('(206) 555-'), []],
];

describe('scrubbing a hostile megabyte', () => {
  it.each(HOSTILE)('finishes for %s and leaks no address', (_kind, text, leaks) => {
    const scrubbed = scrubAddresses(text);
    // Compared as short lists: a failure must not print a megabyte.
    expect(leaks.filter((leak) => scrubbed.includes(leak))).toEqual([]);
    expect(findPersonalData(scrubbed).slice(0, 3)).toEqual([]);
    expect(findPersonalData(scrubPersonalData(text)).slice(0, 3)).toEqual([]);
  });

  it('costs a log line no more than the limit, and the line leaks nothing', () => {
    const logs = captureLogs();
    const logger = createLogger({ service: 's', write: logs.write });
    const sesError = Object.assign(new Error(megabyteOf('jane.doe@example.com;')), { name: 'MessageRejected' });
    logger.error(megabyteOf('bob@example.com,'), { error: sesError, note: megabyteOf('+12065550142/') });
    const [line] = logs.raw;
    expect(line?.length).toBeLessThan(4 * (MAX_LOGGED_STRING_LENGTH + TRUNCATION_MARKER.length) + 1_000);
    expect(findPersonalData(line ?? '', ['jane.doe', 'bob', '2065550142'])).toEqual([]);
    expect(logs.lines()[0]).toMatchObject({ error: { errorName: 'MessageRejected' } });
  });
});
