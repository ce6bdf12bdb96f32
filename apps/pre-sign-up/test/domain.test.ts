import { describe, expect, it } from 'vitest';
import { domainAndParents, normalizeDomain } from '../src/domain';
import { matchDomain, parseDomainList, type DomainList } from '../src/domain-list';

function list(raw: string): DomainList {
  return { variable: 'ALLOWED_EMAIL_DOMAINS', rules: parseDomainList(raw) };
}

describe('domain normalisation', () => {
  it('ignores case and one trailing dot', () => {
    expect(normalizeDomain('Acme.EXAMPLE.')).toBe('acme.example');
    expect(normalizeDomain('acme.example..')).toBeUndefined();
  });

  it('writes an internationalised domain in punycode, whichever form and case it was given in', () => {
    expect(normalizeDomain('Bücher.example')).toBe('xn--bcher-kva.example');
    expect(normalizeDomain('BÜCHER.example')).toBe('xn--bcher-kva.example');
    // The same name with the umlaut as a combining mark (NFD), as some keyboards produce it.
    expect(normalizeDomain('bu\u0308cher.example')).toBe('xn--bcher-kva.example');
    expect(normalizeDomain('XN--BCHER-KVA.example')).toBe('xn--bcher-kva.example');
    expect(normalizeDomain('shop.xn--mnchen-3ya.Bücher.example')).toBe('shop.xn--mnchen-3ya.xn--bcher-kva.example');
  });

  it('refuses a xn-- label that is not valid punycode, on every Node version', () => {
    // Node 20's domainToASCII refuses these; Node 24's passes them through unchanged.
    for (const bad of ['xn--a.example', 'xn--.example', 'xn--abc-.example', 'xn--zz.example']) {
      expect(normalizeDomain(bad), bad).toBeUndefined();
    }
  });

  it('refuses what is not a host name of two labels or more', () => {
    for (const bad of [
      '',
      '.',
      'localhost',
      'a b.example',
      'under_score.example',
      '-lead.example',
      'trail-.example',
      'x..example',
      '.example',
      'a.example..',
      `${'x'.repeat(64)}.example`,
    ]) {
      expect(normalizeDomain(bad), bad).toBeUndefined();
    }
    expect(normalizeDomain(`${'x'.repeat(63)}.example`)).toBe(`${'x'.repeat(63)}.example`);
    expect(normalizeDomain('ab--cd.example')).toBe('ab--cd.example');
  });

  it('refuses a name over 253 characters and accepts one of exactly 253', () => {
    const label = 'x'.repeat(63);
    const longest = `${label}.${label}.${label}.${'y'.repeat(61)}`;
    expect(longest).toHaveLength(253);
    expect(normalizeDomain(longest)).toBe(longest);
    expect(normalizeDomain(`${longest}.`)).toBe(longest);
    expect(normalizeDomain(`a${longest}`)).toBeUndefined();
    // 227 characters in Unicode, 259 in punycode: the punycode length is the one DNS limits.
    const unicode = Array.from({ length: 4 }, () => 'bücher'.repeat(9)).join('.') + '.example';
    expect(unicode.length).toBeLessThan(253);
    expect(normalizeDomain(unicode)).toBeUndefined();
  });

  it('refuses every character the URL host parser would decode, drop or stop at', () => {
    for (const bad of [
      'example.com/x',
      'example.com#x',
      'example.com?x',
      'example.com\\x',
      'example.com:443',
      'ex%61mple.com',
      'exa\tmple.com',
      'exa\nmple.com',
      'example.com\r\n',
      ' example.com',
      'exa\u00a0mple.com',
      'exa\u00admple.com',
      'exa\u200dmple.com',
      'exa\u2028mple.com',
      'exa\ud800mple.com',
      'evil.com@example.com',
      '[192.0.2.1]',
      'a*b.example',
    ]) {
      expect(normalizeDomain(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('refuses Unicode that only matches once mapped to something else, and IPv4 addresses', () => {
    for (const bad of ['ｅｘａｍｐｌｅ.com', 'example。com', 'example．com', '1.2.3.4', '0x7f.1', 'a.b.09']) {
      expect(normalizeDomain(bad), bad).toBeUndefined();
    }
  });

  it('keeps look-alike domains apart from the real ones', () => {
    // Cyrillic letters that look like "apple": a different domain, so never on apple.example's lists.
    expect(normalizeDomain('аррӏе.example')).toBe('xn--80ak6aa92e.example');
  });

  it('lists a domain and its parents down to two labels', () => {
    expect(domainAndParents('a.b.mailinator.com')).toEqual([
      'a.b.mailinator.com',
      'b.mailinator.com',
      'mailinator.com',
    ]);
  });
});

describe('domain lists', () => {
  it('matches an exact entry on that domain only, and a *. entry on its subdomains only', () => {
    const rules = list('acme.example, *.corp.example');
    expect(matchDomain(rules, 'acme.example')).toEqual({ list: 'ALLOWED_EMAIL_DOMAINS', entry: 0, match: 'exact' });
    expect(matchDomain(rules, 'eu.acme.example')).toBeUndefined();
    expect(matchDomain(rules, 'eu.corp.example')).toEqual({
      list: 'ALLOWED_EMAIL_DOMAINS',
      entry: 1,
      match: 'subdomains',
    });
    expect(matchDomain(rules, 'a.b.corp.example')).toMatchObject({ entry: 1 });
    expect(matchDomain(rules, 'corp.example')).toBeUndefined();
    expect(matchDomain(rules, 'notcorp.example')).toBeUndefined();
  });

  it('matches Unicode entries against punycode domains and the other way round', () => {
    expect(matchDomain(list('bücher.example'), normalizeDomain('xn--bcher-kva.example') ?? '')).toMatchObject({
      match: 'exact',
    });
    expect(matchDomain(list('*.xn--bcher-kva.example'), normalizeDomain('Shop.Bücher.Example') ?? '')).toMatchObject({
      match: 'subdomains',
    });
  });

  it('allows a *. entry on a top-level domain but not a bare top-level domain', () => {
    expect(parseDomainList('*.test')).toEqual([{ kind: 'subdomains', domain: 'test' }]);
    expect(() => parseDomainList('test')).toThrow('entry "test" is not a domain');
  });

  it('quotes the bad entry and says what a good one looks like', () => {
    expect(() => parseDomainList('acme.example, acme example')).toThrow(
      'entry "acme example" is not a domain: use example.com for that domain or *.example.com for its subdomains',
    );
    expect(() => parseDomainList('ops@acme.example')).toThrow('entry "ops@acme.example" is an e-mail address');
    expect(() => parseDomainList('*acme.example')).toThrow('entry "*acme.example" is not a domain');
    expect(() => parseDomainList('eu.*.acme.example')).toThrow('is not a domain');
    expect(() => parseDomainList(' , ')).toThrow('must list at least one domain');
  });
});
