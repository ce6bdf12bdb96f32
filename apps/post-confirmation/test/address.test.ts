import { describe, expect, it } from 'vitest';
import { readAddress, type AddressProblem } from '../src/address';

describe('readAddress', () => {
  it('accepts ordinary addresses as they are, ignoring white space around them', () => {
    for (const address of [
      'jane.doe@example.com',
      'Jane.Doe+welcome@Mail.Example.COM',
      "o'brien@example.ie",
      'x@a-b.example',
      'user@xn--bcher-kva.example',
    ]) {
      expect(readAddress(address)).toEqual({ ok: true, address });
    }
    expect(readAddress('  jane@example.com ')).toEqual({ ok: true, address: 'jane@example.com' });
  });

  it('converts an internationalised domain to the ASCII form SES needs, only when allowed to', () => {
    expect(readAddress('jane@bücher.example', { unicodeDomain: true })).toEqual({
      ok: true,
      address: 'jane@xn--bcher-kva.example',
    });
    expect(readAddress('jane@bücher.example')).toEqual({ ok: false, problem: 'domain' });
  });

  const refused: [string, AddressProblem][] = [
    ['jane@example.com\r\nBcc: eve@evil.example', 'line-break-or-control-character'],
    ['jane@example.com\n', 'line-break-or-control-character'],
    ['jane@exa\tmple.com', 'line-break-or-control-character'],
    ['jane@example.com\u0000', 'line-break-or-control-character'],
    ['jane@example.com\u2028', 'line-break-or-control-character'],
    ['jane@example.com, eve@evil.example', 'several-addresses'],
    ['jane@example.com;eve@evil.example', 'several-addresses'],
    ['"Jane" <jane@example.com>, eve@evil.example', 'several-addresses'],
    ['user@evil.com@example.com', 'not-one-at-sign'],
    ['jane.example.com', 'not-one-at-sign'],
    ['', 'not-one-at-sign'],
    ['"jane doe"@example.com', 'local-part'],
    ['jane doe@example.com', 'local-part'],
    ['.jane@example.com', 'local-part'],
    ['jane..doe@example.com', 'local-part'],
    ['jäne@example.com', 'local-part'],
    ['jane(work)@example.com', 'local-part'],
    ['<jane@example.com>', 'local-part'],
    [`${'j'.repeat(65)}@example.com`, 'local-part'],
    ['@example.com', 'local-part'],
    ['jane@', 'domain'],
    ['jane@example', 'domain'],
    ['jane@example.com.', 'domain'],
    ['jane@example..com', 'domain'],
    ['jane@-example.com', 'domain'],
    ['jane@example-.com', 'domain'],
    ['jane@192.0.2.1', 'domain'],
    ['jane@[192.0.2.1]', 'domain'],
    ['jane@example.com/x', 'domain'],
    ['jane@example.com#x', 'domain'],
    ['jane@example.com?x', 'domain'],
    ['jane@example.com\\x', 'domain'],
    ['jane@ex%61mple.com', 'domain'],
    ['jane@example.com>', 'domain'],
    ['jane@exa mple.com', 'domain'],
    [`jane@${'a'.repeat(64)}.example`, 'domain'],
    ['jane@bücher.example/x', 'domain'],
    ['jane@bücher。example', 'domain'],
    [`${'j'.repeat(64)}@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.example`, 'too-long'],
    [`jane@${'a'.repeat(2_000)}.example`, 'too-long'],
  ];
  for (const [raw, problem] of refused) {
    it(`refuses ${JSON.stringify(raw.length > 60 ? `${raw.slice(0, 60)}…` : raw)}: ${problem}`, () => {
      expect(readAddress(raw, { unicodeDomain: true })).toEqual({ ok: false, problem });
    });
  }

  it('refuses a lone surrogate anywhere in an address', () => {
    expect(readAddress('jane\ud800@example.com', { unicodeDomain: true })).toEqual({
      ok: false,
      problem: 'local-part',
    });
    expect(readAddress('jane@exa\udc00mple.com', { unicodeDomain: true })).toEqual({ ok: false, problem: 'domain' });
  });

  it('reads hostile values of every length up to the bound without backtracking into them', () => {
    // Near the 1024-character bound, in the shapes that make backtracking patterns slow; these
    // only have to finish (the project's benchmarks measure speed, tests do not time it).
    const shapes = [
      `${'a.'.repeat(511)}@x`,
      `a@${'a-'.repeat(510)}.x`,
      `${'!'.repeat(1_000)}@example.com`,
      `a@${'1.'.repeat(510)}1`,
      'a@' + 'ü'.repeat(1_000) + '.example',
      ' '.repeat(1_023),
    ];
    for (const raw of shapes) expect(readAddress(raw, { unicodeDomain: true }).ok).toBe(false);
    expect(readAddress('a@b.example' + 'x'.repeat(1_000_000))).toEqual({ ok: false, problem: 'too-long' });
  });
});
