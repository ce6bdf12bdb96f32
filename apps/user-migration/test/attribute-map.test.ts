import { describe, expect, it } from 'vitest';
import { cognitoAttributes, parseAttributeMap } from '../src/attribute-map';
import { readLegacyUser } from '../src/legacy-user';

describe('parseAttributeMap', () => {
  it('reads legacy=cognito entries into standard and custom attributes', () => {
    expect(parseAttributeMap(' first_name=given_name , tenant=custom:tenant_id,')).toEqual([
      { from: 'first_name', to: 'given_name' },
      { from: 'tenant', to: 'custom:tenant_id' },
    ]);
  });

  it.each([
    ['verified=email_verified', /email_verified comes from the legacy user's email and emailVerified/],
    ['mail=email', /email comes from the legacy user's email/],
    ['id=sub', /sub is not an attribute a migration may set/],
    ['x=cognito:user_status', /is not an attribute a migration may set/],
    ['p=phone_number_verified', /is not an attribute a migration may set/],
    ['t=custom:a_name_longer_than_twenty', /is not an attribute a migration may set/],
    ['a=given_name,b=given_name', /given_name is mapped twice/],
    ['first_name', /must be legacy_name=cognito_attribute/],
    ['a=b=c', /must be legacy_name=cognito_attribute/],
    ['first name=given_name', /the legacy name must be/],
  ])('refuses %s', (raw, problem) => {
    expect(() => parseAttributeMap(raw)).toThrow(problem);
  });
});

describe('cognitoAttributes', () => {
  function user(value: unknown) {
    const read = readLegacyUser(value);
    if (!read.ok) throw new Error(read.problem);
    return read.user;
  }

  it('sets email_verified "true" only when the legacy store says so, and copies mapped non-empty values', () => {
    const mapping = parseAttributeMap('first_name=given_name,last_name=family_name,tenant=custom:tenant_id');
    expect(
      cognitoAttributes(
        user({
          username: 'jdoe',
          email: 'jane@example.com',
          emailVerified: true,
          attributes: { first_name: 'Jane', last_name: '' },
        }),
        mapping,
      ),
    ).toEqual({ email: 'jane@example.com', email_verified: 'true', given_name: 'Jane' });
    expect(cognitoAttributes(user({ username: 'jdoe', email: 'jane@example.com' }), mapping)).toEqual({
      email: 'jane@example.com',
      email_verified: 'false',
    });
    expect(cognitoAttributes(user({ username: 'jdoe' }), mapping)).toEqual({});
  });

  it('copies nothing from a mapping of a name the user lacks, even one Object.prototype has', () => {
    const mapping = parseAttributeMap('constructor=nickname,__proto__=profile');
    expect(cognitoAttributes(user({ username: 'jdoe', attributes: { __proto__: 'own' } }), mapping)).toEqual({});
    const withOwn = user(JSON.parse('{"username":"jdoe","attributes":{"__proto__":"own value"}}'));
    expect(cognitoAttributes(withOwn, mapping)).toEqual({ profile: 'own value' });
  });
});

describe('readLegacyUser', () => {
  it.each([
    [{ username: '' }, 'username must not be empty'],
    [{ username: 'x'.repeat(129) }, 'username must be at most 128 characters'],
    [{ username: 'a\u2028b' }, 'username must not contain line breaks or control characters'],
    [{ username: 'jdoe', email: 'jane@example.com, eve@evil.example' }, 'email must be one address (one @, no spaces)'],
    [{ username: 'jdoe', email: 'jane@@example.com' }, 'email must be one address (one @, no spaces)'],
    [{ username: 'jdoe', emailVerified: 'true' }, 'emailVerified must be true or false'],
    [{ username: 'jdoe', attributes: ['a'] }, 'attributes must be an object of strings'],
    [{ username: 'jdoe', attributes: { n: 5 } }, 'attributes.n must be a string'],
    [
      { username: 'jdoe', attributes: { 'bad name': 'x' } },
      'attributes has a name that is not letters, digits and _ . : - (at most 64)',
    ],
    [{ username: 'jdoe', attributes: { n: 'x'.repeat(2049) } }, 'attributes.n must be at most 2048 characters'],
  ])('refuses %j', (value, problem) => {
    expect(readLegacyUser(value)).toEqual({ ok: false, problem });
  });
});
