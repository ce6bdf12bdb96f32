import { describe, expect, it } from 'vitest';
import { parseAddress, type AddressProblem } from '../src/address';

function problemOf(address: string): AddressProblem | undefined {
  const parsed = parseAddress(address);
  return 'problem' in parsed ? parsed.problem : undefined;
}

describe('parseAddress', () => {
  it('reads the normalised domain of an ordinary address', () => {
    expect(parseAddress('jane.doe@acme.example')).toEqual({ domain: 'acme.example' });
    expect(parseAddress('JANE.DOE@ACME.EXAMPLE')).toEqual({ domain: 'acme.example' });
    expect(parseAddress('jane@acme.example.')).toEqual({ domain: 'acme.example' });
    expect(parseAddress('jane@Bücher.example')).toEqual({ domain: 'xn--bcher-kva.example' });
    expect(parseAddress('jane@xn--bcher-kva.example')).toEqual({ domain: 'xn--bcher-kva.example' });
  });

  it("accepts every character RFC 5321 allows in a dot-string's atoms", () => {
    expect(parseAddress("a.b!#$%&'*+-/=?^_`{|}~z@acme.example")).toEqual({ domain: 'acme.example' });
    expect(parseAddress('jane+newsletter@acme.example')).toEqual({ domain: 'acme.example' });
  });

  it('refuses the hostile addresses that the URL host parser used to read as an allowed domain', () => {
    const cases: [string, AddressProblem][] = [
      ['user@example.com/x', 'domain'],
      ['user@example.com#x', 'domain'],
      ['user@example.com?x', 'domain'],
      ['user@example.com\\x', 'domain'],
      ['user@ex%61mple.com', 'domain'],
      ['user@exa\tmple.com', 'domain'],
      ['user@evil.com@example.com', 'several-at-signs'],
      ['user@evil.com\n@example.com', 'several-at-signs'],
    ];
    for (const [address, problem] of cases) expect(problemOf(address), JSON.stringify(address)).toBe(problem);
  });

  it('refuses lone surrogates, CR/LF and spaces anywhere, without trimming', () => {
    expect(problemOf('jane\ud800@acme.example')).toBe('malformed-text');
    expect(problemOf('jane@acme\udc00.example')).toBe('malformed-text');
    expect(problemOf('jane@acme.example\r\n')).toBe('domain');
    expect(problemOf('jane\r\n@acme.example')).toBe('local-part');
    expect(problemOf(' jane@acme.example')).toBe('local-part');
    expect(problemOf('jane@acme.example ')).toBe('domain');
    expect(problemOf('jane doe@acme.example')).toBe('local-part');
    expect(problemOf('jane@acme\u00a0example')).toBe('domain');
  });

  it('refuses what has no @, several, or nothing on one side of it', () => {
    expect(problemOf('@')).toBe('local-part');
    expect(problemOf('jane')).toBe('no-at-sign');
    expect(problemOf('')).toBe('no-at-sign');
    expect(problemOf('@acme.example')).toBe('local-part');
    expect(problemOf('jane@')).toBe('domain');
    expect(problemOf('jane@@acme.example')).toBe('several-at-signs');
  });

  it('refuses quoted and non-ASCII local parts, and dots out of place', () => {
    expect(problemOf('"a@b"@acme.example')).toBe('several-at-signs');
    expect(problemOf('"jane doe"@acme.example')).toBe('local-part');
    expect(problemOf('"jane"@acme.example')).toBe('local-part');
    expect(problemOf('jäne@acme.example')).toBe('local-part');
    expect(problemOf('jane(work)@acme.example')).toBe('local-part');
    for (const address of ['.jane@acme.example', 'jane.@acme.example', 'ja..ne@acme.example']) {
      expect(problemOf(address), address).toBe('local-part');
    }
  });

  it('refuses domains that are not host names: empty labels, hyphens at the ends, long labels, IP addresses', () => {
    for (const address of [
      'jane@.acme.example',
      'jane@acme..example',
      'jane@acme.example..',
      'jane@-acme.example',
      'jane@acme-.example',
      `jane@${'x'.repeat(64)}.example`,
      'jane@localhost',
      'jane@[192.0.2.1]',
      'jane@192.0.2.1',
      'jane@0x7f.1',
      'jane@under_score.example',
      'jane@xn--a.example',
      'jane@ａｃｍｅ.example',
      'jane@acme。example',
    ]) {
      expect(problemOf(address), address).toBe('domain');
    }
    expect(parseAddress(`jane@${'x'.repeat(63)}.example`)).toEqual({ domain: `${'x'.repeat(63)}.example` });
  });

  it('caps the local part at 64 characters and the address at 254, in the punycode form mail is sent to', () => {
    const domain = 'acme.example';
    expect(parseAddress(`${'a'.repeat(64)}@${domain}`)).toEqual({ domain });
    expect(problemOf(`${'a'.repeat(65)}@${domain}`)).toBe('local-part');
    const longDomain = `${'x'.repeat(63)}.${'y'.repeat(63)}.${'z'.repeat(60)}.example`;
    const longest = `${'a'.repeat(254 - longDomain.length - 1)}@${longDomain}`;
    expect(longest).toHaveLength(254);
    expect(parseAddress(longest)).toEqual({ domain: longDomain });
    expect(problemOf(`a${longest}`)).toBe('too-long');
    // 244 characters as typed, 272 with the domain in punycode.
    const idn = `${'a'.repeat(64)}@${['bücher'.repeat(8), 'bücher'.repeat(8), 'bücher'.repeat(8), 'bücher'.repeat(4)].join('.')}.example`;
    expect(idn.length).toBeLessThanOrEqual(254);
    expect(problemOf(idn)).toBe('too-long');
  });

  it('refuses a megabyte-long value by its length alone', () => {
    expect(problemOf(`${'a'.repeat(1 << 20)}@acme.example`)).toBe('too-long');
    expect(problemOf(`jane@${'a.'.repeat(1 << 19)}example`)).toBe('too-long');
    expect(problemOf('@'.repeat(1 << 20))).toBe('too-long');
  });
});
