import { ConfigurationError, envReader, GROUP_CLAIMS, RESERVED_CLAIMS } from '@cognito-triggers/trigger-core';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { CONTACT_CLAIMS } from '../src/mapping';

function configError(environment: Record<string, string>): ConfigurationError {
  try {
    readConfig(envReader(environment));
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

describe('readConfig', () => {
  it('reads attribute=claim:type entries, string by default, for both tokens, and scopes by group', () => {
    const config = readConfig(
      envReader({
        ID_TOKEN_CLAIMS: ' custom:tenant_id=tenant_id , custom:seats=seats:number,custom:beta=beta:boolean,',
        ACCESS_TOKEN_CLAIMS:
          'custom:roles=roles:string[],custom:org=org:json,custom:plan=https://acme.example/plan:string',
        SCOPES_BY_GROUP: 'admins=api/admin; staff=api/read  api/write ;',
      }),
    );
    expect(config.idTokenClaims).toEqual([
      { attribute: 'custom:tenant_id', claim: 'tenant_id', type: 'string' },
      { attribute: 'custom:seats', claim: 'seats', type: 'number' },
      { attribute: 'custom:beta', claim: 'beta', type: 'boolean' },
    ]);
    expect(config.accessTokenClaims).toEqual([
      { attribute: 'custom:roles', claim: 'roles', type: 'string[]' },
      { attribute: 'custom:org', claim: 'org', type: 'json' },
      { attribute: 'custom:plan', claim: 'https://acme.example/plan', type: 'string' },
    ]);
    expect([...config.scopesByGroup]).toEqual([
      ['admins', ['api/admin']],
      ['staff', ['api/read', 'api/write']],
    ]);
  });

  it('refuses to start with none of the three variables set, naming them, so a misspelt name cannot silently issue bare tokens', () => {
    const error = configError({ ID_TOKEN_CLAIM: 'custom:tenant_id=tenant_id' });
    expect(error.variable).toBe('ID_TOKEN_CLAIMS');
    expect(error.message).toContain('ACCESS_TOKEN_CLAIMS');
    expect(error.message).toContain('SCOPES_BY_GROUP');
  });

  it.each(['ID_TOKEN_CLAIMS', 'ACCESS_TOKEN_CLAIMS'])(
    'names %s and the claim for every claim Cognito reserves',
    (variable) => {
      for (const claim of RESERVED_CLAIMS) {
        const error = configError({ [variable]: `custom:tenant_id=tenant_id,custom:x=${claim}` });
        expect(error.variable).toBe(variable);
        expect(error.message).toBe(
          `${variable} maps onto the claim ${claim}, which Cognito sets itself and does not let a trigger change`,
        );
      }
    },
  );

  it('refuses the group claims, which Cognito takes from the user’s groups', () => {
    for (const claim of GROUP_CLAIMS) {
      expect(configError({ ACCESS_TOKEN_CLAIMS: `custom:g=${claim}:string[]` }).message).toContain(
        `onto the claim ${claim}, which Cognito takes from the user's groups`,
      );
    }
  });

  it.each(['ID_TOKEN_CLAIMS', 'ACCESS_TOKEN_CLAIMS'])(
    'names %s and the claim for a mapping onto a contact address or its verification, typed or not',
    (variable) => {
      for (const target of CONTACT_CLAIMS.flatMap((claim) => [claim, `${claim}:string`, `${claim}:boolean`])) {
        const error = configError({ [variable]: `custom:tenant_id=tenant_id,custom:x=${target}` });
        const claim = target.split(':')[0] ?? target;
        expect(error.variable).toBe(variable);
        expect(error.message).toBe(
          `${variable} maps onto the claim ${claim}, which only Cognito may write: copied from another attribute it would let a user assert a contact address or verification Cognito never checked`,
        );
      }
    },
  );

  it('refuses a user-writable attribute mapped onto email_verified, and still allows look-alike claim names', () => {
    expect(configError({ ID_TOKEN_CLAIMS: 'custom:verified=email_verified:boolean' }).message).toContain(
      'onto the claim email_verified,',
    );
    expect(configError({ ACCESS_TOKEN_CLAIMS: 'custom:work_email=email' }).message).toContain('onto the claim email,');
    expect(
      readConfig(envReader({ ID_TOKEN_CLAIMS: 'custom:work_email=work_email,custom:v=work_email_verified:boolean' }))
        .idTokenClaims,
    ).toHaveLength(2);
  });

  it('names a reserved claim even when a type follows it', () => {
    expect(configError({ ID_TOKEN_CLAIMS: 'custom:user=cognito:username:string' }).message).toContain(
      'onto the claim cognito:username,',
    );
  });

  it.each([
    ['custom:tenant_id', 'is not attribute=claim'],
    ['=tenant_id', 'is not attribute=claim'],
    ['custom:tenant_id=', 'is not attribute=claim'],
    ['custom:tenant_id=tenant id', 'is not attribute=claim'],
    ['custom:a=b=c', 'is not attribute=claim'],
    ['custom:seats=seats:integer', 'unknown type "integer"'],
    ['custom:role=acme:role', 'unknown type "role"'],
    ['custom:seats=:number', 'without a claim name'],
  ])('names ID_TOKEN_CLAIMS and the entry for the malformed entry "%s"', (entry, problem) => {
    const error = configError({ ID_TOKEN_CLAIMS: entry });
    expect(error.variable).toBe('ID_TOKEN_CLAIMS');
    expect(error.message).toContain(problem);
    expect(error.message).toContain(`"${entry}"`);
  });

  it('tells how to write a claim name that holds a colon', () => {
    expect(configError({ ID_TOKEN_CLAIMS: 'custom:role=acme:role' }).message).toContain('e.g. acme:role:string');
  });

  it('refuses two attributes mapped onto one claim of the same token, but allows the same claim in both tokens', () => {
    expect(configError({ ACCESS_TOKEN_CLAIMS: 'custom:a=tenant,custom:b=tenant:number' }).message).toBe(
      'ACCESS_TOKEN_CLAIMS maps more than one attribute onto the claim tenant',
    );
    expect(
      readConfig(envReader({ ID_TOKEN_CLAIMS: 'custom:a=tenant', ACCESS_TOKEN_CLAIMS: 'custom:a=tenant' }))
        .accessTokenClaims,
    ).toHaveLength(1);
  });

  it('refuses a list or JSON value for an ID-token claim Cognito keeps a single value, but not for the access token', () => {
    expect(configError({ ID_TOKEN_CLAIMS: 'custom:addr=address:json' }).message).toContain(
      'onto the claim address as json',
    );
    expect(configError({ ID_TOKEN_CLAIMS: 'custom:t=updated_at:string[]' }).message).toContain(
      'onto the claim updated_at as string[]',
    );
    expect(readConfig(envReader({ ID_TOKEN_CLAIMS: 'custom:t=updated_at:number' })).idTokenClaims).toHaveLength(1);
    expect(readConfig(envReader({ ACCESS_TOKEN_CLAIMS: 'custom:addr=address:json' })).accessTokenClaims).toHaveLength(
      1,
    );
  });

  it.each([
    ['admins', 'is not group=scope'],
    ['admins=', 'is not group=scope'],
    ['=api/admin', 'is not group=scope'],
    ['admins=api/admin,api/read', 'separate scopes with spaces, not commas'],
    ['admins=api/"admin"', 'is not a valid OAuth scope'],
    ['admins=api/admin;admins=api/read', 'names the group admins twice'],
  ])('names SCOPES_BY_GROUP for the malformed value "%s"', (value, problem) => {
    const error = configError({ SCOPES_BY_GROUP: value });
    expect(error.variable).toBe('SCOPES_BY_GROUP');
    expect(error.message).toContain(problem);
  });
});
