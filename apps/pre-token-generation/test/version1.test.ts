import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { asVersion1Claims, ignoredOnVersion1 } from '../src/version1';

describe('ignoredOnVersion1', () => {
  it('lists the access-token variables, the list or JSON ID-token claims, and the typed claims sent as strings', () => {
    const config = readConfig(
      envReader({
        ID_TOKEN_CLAIMS:
          'custom:tenant_id=tenant_id,custom:roles=roles:string[],custom:org=org:json,custom:seats=seats:number,custom:beta=beta:boolean',
        ACCESS_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id',
        SCOPES_BY_GROUP: 'admins=api/admin',
      }),
    );
    expect(ignoredOnVersion1(config)).toEqual({
      variables: ['ACCESS_TOKEN_CLAIMS', 'SCOPES_BY_GROUP'],
      idClaims: ['roles', 'org'],
      idClaimsAsStrings: ['seats', 'beta'],
    });
  });

  it('reports a number claim on its own: a version 1 token carries it as a string', () => {
    expect(ignoredOnVersion1(readConfig(envReader({ ID_TOKEN_CLAIMS: 'custom:seats=seats:number' })))).toEqual({
      variables: [],
      idClaims: [],
      idClaimsAsStrings: ['seats'],
    });
  });

  it('finds nothing to report when every setting applies to version 1', () => {
    expect(
      ignoredOnVersion1(readConfig(envReader({ ID_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,given_name=first_name' }))),
    ).toBeUndefined();
  });
});

describe('asVersion1Claims', () => {
  it('writes numbers and booleans as their text and keeps strings as they are', () => {
    expect(asVersion1Claims({ tenant_id: ' acme ', seats: 12, ratio: 2.5, beta: false, admin: true })).toEqual({
      tenant_id: ' acme ',
      seats: '12',
      ratio: '2.5',
      beta: 'false',
      admin: 'true',
    });
  });

  it('keeps a claim named __proto__ as a claim', () => {
    const claims = asVersion1Claims(Object.fromEntries([['__proto__', 5]]));
    expect(Object.hasOwn(claims, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(claims))).toEqual(JSON.parse('{"__proto__":"5"}'));
  });
});
