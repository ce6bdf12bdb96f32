import { envReader, preTokenGeneration, type PreTokenGenerationEvent } from '@cognito-triggers/trigger-core';
import { preTokenGenerationEvent, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config';
import { answerEvent } from '../src/decide';

const attributes = {
  'custom:tenant_id': 'tenant-7f3a',
  'custom:seats': '5',
  'custom:beta': 'true',
  'custom:roles': 'admin,billing',
};
const config = readConfig(
  envReader({
    ID_TOKEN_CLAIMS:
      'custom:tenant_id=tenant_id,custom:seats=seats:number,custom:beta=beta:boolean,custom:roles=roles:string[]',
    ACCESS_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,custom:roles=roles:string[]',
    SCOPES_BY_GROUP: 'admins=api/admin;staff=api/read api/write;readers=api/read',
  }),
);

function answer(event: PreTokenGenerationEvent) {
  const result = answerEvent(event, config);
  // Whatever the app answers must be what Cognito accepts for the event's version.
  preTokenGeneration.checkResult(event, result.event);
  return result;
}

describe('answerEvent', () => {
  it('answers a version 1 event with claimsOverrideDetails only, numbers and booleans written as strings', () => {
    const { event, report } = answer(
      triggerEvent('TokenGeneration_HostedAuth', { request: { userAttributes: attributes } }),
    );
    expect(event.response).toEqual({
      claimsOverrideDetails: { claimsToAddOrOverride: { tenant_id: 'tenant-7f3a', seats: '5', beta: 'true' } },
    });
    expect(report).toMatchObject({ idClaims: ['tenant_id', 'seats', 'beta'], accessClaims: [], scopesAdded: 0 });
  });

  it('writes the checked value on version 1, not the raw text, and still leaves out a value that does not convert', () => {
    const spaced = answer(
      triggerEvent('TokenGeneration_RefreshTokens', {
        request: { userAttributes: { ...attributes, 'custom:seats': ' 012 ', 'custom:beta': 'FALSE' } },
      }),
    );
    expect(spaced.event.response).toMatchObject({
      claimsOverrideDetails: { claimsToAddOrOverride: { seats: '12', beta: 'false' } },
    });
    const bad = answer(
      triggerEvent('TokenGeneration_RefreshTokens', {
        request: { userAttributes: { ...attributes, 'custom:seats': 'many' } },
      }),
    );
    expect(JSON.stringify(bad.event.response)).not.toMatch(/seats|many/);
    expect(bad.report.omitted).toEqual([{ claim: 'seats', reason: 'not-a-number', target: 'id-token' }]);
  });

  it('gives a version 1 event no list claim, no access-token claims and no scopes: its token cannot hold them', () => {
    const { event } = answer(
      triggerEvent('TokenGeneration_Authentication', {
        request: { userAttributes: attributes, groupConfiguration: { groupsToOverride: ['admins'] } },
      }),
    );
    expect(JSON.stringify(event.response)).not.toMatch(/roles|api\/admin|accessTokenGeneration/);
  });

  it.each(['2', '3'] as const)(
    'answers a version %s event with claims for both tokens and scopes for the groups the user is in',
    (version) => {
      const { event, report } = answer(
        preTokenGenerationEvent('TokenGeneration_RefreshTokens', version, {
          request: {
            userAttributes: attributes,
            groupConfiguration: { groupsToOverride: ['staff', 'readers', 'other'] },
          },
        }),
      );
      expect(event.response).toEqual({
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: {
            claimsToAddOrOverride: { tenant_id: 'tenant-7f3a', seats: 5, beta: true, roles: ['admin', 'billing'] },
          },
          accessTokenGeneration: {
            claimsToAddOrOverride: { tenant_id: 'tenant-7f3a', roles: ['admin', 'billing'] },
            scopesToAdd: ['api/read', 'api/write'],
          },
        },
      });
      expect(report).toMatchObject({ accessClaims: ['tenant_id', 'roles'], scopesAdded: 2 });
    },
  );

  it('adds no scope the token already has, and none to a user in no configured group', () => {
    const has = answer(
      preTokenGenerationEvent('TokenGeneration_Authentication', '2', {
        request: {
          userAttributes: {},
          groupConfiguration: { groupsToOverride: ['staff'] },
          scopes: ['openid', 'api/read'],
        },
      }),
    );
    expect(has.event.response).toEqual({
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: ['api/write'] } },
    });
    const none = answer(
      preTokenGenerationEvent('TokenGeneration_Authentication', '2', {
        request: { userAttributes: {}, groupConfiguration: { groupsToOverride: [] } },
      }),
    );
    expect(none.event.response).toEqual({ claimsAndScopeOverrideDetails: {} });
  });

  it('leaves out the claim of a missing attribute and reports it by claim name', () => {
    const { event, report } = answer(
      preTokenGenerationEvent('TokenGeneration_HostedAuth', '2', {
        request: { userAttributes: { 'custom:seats': '5' }, groupConfiguration: { groupsToOverride: [] } },
      }),
    );
    expect(event.response).toEqual({
      claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { seats: 5 } } },
    });
    expect(report.claimsWithoutAttribute).toEqual(['tenant_id', 'beta', 'roles']);
    expect(report.omitted).toEqual([]);
  });

  it('leaves out a value that does not convert and reports the claim, its token and why, never the value', () => {
    const { event, report } = answer(
      preTokenGenerationEvent('TokenGeneration_HostedAuth', '3', {
        request: {
          userAttributes: { ...attributes, 'custom:seats': 'many', 'custom:beta': 'perhaps' },
          groupConfiguration: {},
        },
      }),
    );
    expect(JSON.stringify(event.response)).not.toMatch(/seats|beta|many|perhaps/);
    expect(report.omitted).toEqual([
      { claim: 'seats', reason: 'not-a-number', target: 'id-token' },
      { claim: 'beta', reason: 'not-a-boolean', target: 'id-token' },
    ]);
  });

  it('adds nothing user-based to a machine-to-machine client-credentials token', () => {
    const event = triggerEvent('TokenGeneration_ClientCredentials', {
      request: { userAttributes: attributes, groupConfiguration: { groupsToOverride: ['admins'] } },
    });
    const result = answer(event);
    expect(result.event.response).toEqual({ claimsAndScopeOverrideDetails: {} });
    expect(result.report).toMatchObject({ idClaims: [], accessClaims: [], scopesAdded: 0 });
  });

  it('keeps the rest of the event as Cognito sent it', () => {
    const event = preTokenGenerationEvent('TokenGeneration_NewPasswordChallenge', '2');
    const { event: answered } = answer(event);
    expect({ ...answered, response: undefined }).toEqual({ ...event, response: undefined });
  });

  it('writes a claim named __proto__ as a claim, not as the prototype of the claims object', () => {
    const odd = readConfig(envReader({ ACCESS_TOKEN_CLAIMS: 'custom:x=__proto__:json' }));
    const { event } = answerEvent(
      preTokenGenerationEvent('TokenGeneration_Authentication', '2', {
        request: { userAttributes: { 'custom:x': '{"admin":true}' } },
      }),
      odd,
    );
    const claims = JSON.parse(JSON.stringify(event.response)) as {
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: Record<string, unknown> } };
    };
    expect(
      Object.hasOwn(claims.claimsAndScopeOverrideDetails.accessTokenGeneration.claimsToAddOrOverride, '__proto__'),
    ).toBe(true);
  });
});
