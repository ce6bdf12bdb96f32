import { envReader } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { ignoredOnVersion1 } from '../src/version1';

describe('ignoredOnVersion1', () => {
  it('lists the access-token variables and the list or JSON ID-token claims a version 1 event cannot honour', () => {
    const config = readConfig(
      envReader({
        ID_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,custom:roles=roles:string[],custom:org=org:json',
        ACCESS_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id',
        SCOPES_BY_GROUP: 'admins=api/admin',
      }),
    );
    expect(ignoredOnVersion1(config)).toEqual({
      variables: ['ACCESS_TOKEN_CLAIMS', 'SCOPES_BY_GROUP'],
      idClaims: ['roles', 'org'],
    });
  });

  it('finds nothing to report when every setting applies to version 1', () => {
    expect(ignoredOnVersion1(readConfig(envReader({ ID_TOKEN_CLAIMS: 'custom:seats=seats:number' })))).toBeUndefined();
  });
});
