import { describe, expect, it } from 'vitest';
import { domainAndParents, emailDomain, normalizeDomain } from '../src/domain';
import { matchDomain, parseDomainList, type DomainList } from '../src/domain-list';

function list(raw: string): DomainList {
  return { variable: 'ALLOWED_EMAIL_DOMAINS', rules: parseDomainList(raw) };
}

describe('domain normalisation', () => {
  it('ignores case, surrounding spaces and one trailing dot', () => {
    expect(normalizeDomain(' Acme.EXAMPLE. ')).toBe('acme.example');
  });

  it('writes an internationalised domain in punycode, whichever form it was given in', () => {
    expect(normalizeDomain('Bücher.example')).toBe('xn--bcher-kva.example');
    expect(normalizeDomain('XN--BCHER-KVA.example')).toBe('xn--bcher-kva.example');
  });

  it('refuses what is not a host name of two labels or more', () => {
    for (const bad of [
      '',
      '.',
      'localhost',
      'a b.example',
      'under_score.example',
      '-lead.example',
      'x..example',
      'a.example..',
    ]) {
      expect(normalizeDomain(bad), bad).toBeUndefined();
    }
  });

  it('takes the domain after the last @ of an address, and none from an address without a local part or domain', () => {
    expect(emailDomain('"a@b"@Acme.Example')).toBe('acme.example');
    expect(emailDomain('@acme.example')).toBeUndefined();
    expect(emailDomain('jane@')).toBeUndefined();
    expect(emailDomain('jane')).toBeUndefined();
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
