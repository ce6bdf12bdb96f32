import { fileURLToPath } from 'node:url';
import { bundleTestbed, logRecords, type InvokeResult } from '@cognito-triggers/lambda-runtime';
import {
  GENERIC_USER_MESSAGE,
  preTokenGeneration,
  type PreTokenGenerationVersion,
} from '@cognito-triggers/trigger-core';
import { findPersonalData, PERSONAL_VALUES, preTokenGenerationEvent } from '@cognito-triggers/trigger-core/testing';
import { afterAll, describe, expect, it } from 'vitest';

// The deployed artifact itself, run on Node 24 as the nodejs24.x runtime would.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));
const TENANT = 'tenant-7f3a';
const BAD_SEATS = 'lots-of-seats';
const attributes = {
  'custom:tenant_id': TENANT,
  'custom:seats': '12',
  'custom:beta': 'false',
  'custom:roles': 'admin, billing',
};
const config = {
  AWS_REGION: 'eu-west-1',
  ID_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,custom:seats=seats:number,custom:beta=beta:boolean',
  ACCESS_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,custom:roles=roles:string[]',
  SCOPES_BY_GROUP: 'admins=api/admin;staff=api/read api/write',
};

const testbed = bundleTestbed({ name: 'pre-token-generation', bundlePath });
const { deploy, invoke } = testbed;
const allLogs = testbed.logs;

function payload(result: InvokeResult): { response: Record<string, unknown> } {
  if (!result.ok) throw new Error(`invocation failed: ${result.error.errorMessage}`);
  return result.payload as { response: Record<string, unknown> };
}

afterAll(async () => {
  await testbed.stop();
});

// Every source of every version Cognito sends: client credentials come in version 3 only.
const VARIANTS: [string, PreTokenGenerationVersion][] = preTokenGeneration.sources.flatMap((source) =>
  (['1', '2', '3'] as const)
    .filter((version) => source !== 'TokenGeneration_ClientCredentials' || version === '3')
    .map((version): [string, PreTokenGenerationVersion] => [source, version]),
);

function userEvent(source: string, version: PreTokenGenerationVersion, groups: string[] = ['staff']): unknown {
  const build = preTokenGenerationEvent as (source: string, version: string, overrides: object) => unknown;
  return build(source, version, {
    request: { userAttributes: attributes, groupConfiguration: { groupsToOverride: groups } },
  });
}

describe('the built pre-token-generation bundle on Node 24', () => {
  it.each(VARIANTS)('answers %s version %s in the shape of its version', async (source, version) => {
    const fn = deploy(config);
    const response = payload(await invoke(fn, userEvent(source, version))).response;
    if (source === 'TokenGeneration_ClientCredentials') {
      expect(response).toEqual({ claimsAndScopeOverrideDetails: {} });
    } else if (version === '1') {
      // Version 1 takes string claim values only: typed claims go out as their text.
      expect(response).toEqual({
        claimsOverrideDetails: { claimsToAddOrOverride: { tenant_id: TENANT, seats: '12', beta: 'false' } },
      });
    } else {
      expect(response).toEqual({
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: { claimsToAddOrOverride: { tenant_id: TENANT, seats: 12, beta: false } },
          accessTokenGeneration: {
            claimsToAddOrOverride: { tenant_id: TENANT, roles: ['admin', 'billing'] },
            scopesToAdd: ['api/read', 'api/write'],
          },
        },
      });
    }
  });

  it('gives an administrator the admin scope and a user in no configured group none', async () => {
    const fn = deploy(config);
    const admin = payload(
      await invoke(fn, userEvent('TokenGeneration_Authentication', '2', ['admins', 'staff'])),
    ).response;
    expect(admin).toMatchObject({
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { scopesToAdd: ['api/admin', 'api/read', 'api/write'] } },
    });
    const outsider = payload(await invoke(fn, userEvent('TokenGeneration_Authentication', '2', ['readers']))).response;
    expect(JSON.stringify(outsider)).not.toContain('scopesToAdd');
  });

  it('issues the tokens without a claim whose value does not convert, and warns with its name only', async () => {
    const fn = deploy(config);
    const event = preTokenGenerationEvent('TokenGeneration_HostedAuth', '2', {
      request: { userAttributes: { ...attributes, 'custom:seats': BAD_SEATS } },
    });
    const result = await invoke(fn, event);
    expect(JSON.stringify(payload(result).response)).not.toContain('seats');
    expect(logRecords(result).filter((line) => line.message === 'claim omitted')).toMatchObject([
      { level: 'WARN', claim: 'seats', reason: 'not-a-number' },
    ]);
  });

  it('warns once per instance that a version 1 pool ignores the access-token settings and the claim types', async () => {
    const fn = deploy(config);
    const first = await invoke(fn, userEvent('TokenGeneration_HostedAuth', '1'));
    const second = await invoke(fn, userEvent('TokenGeneration_RefreshTokens', '1'));
    const warnings = [...logRecords(first), ...logRecords(second)].filter(
      (line) => line.message === 'settings ignored on version 1 events',
    );
    expect(warnings).toMatchObject([
      { variables: ['ACCESS_TOKEN_CLAIMS', 'SCOPES_BY_GROUP'], idClaims: [], idClaimsAsStrings: ['seats', 'beta'] },
    ]);
  });

  it.each(['email', 'email_verified:boolean', 'phone_number', 'phone_number_verified'])(
    'refuses every sign-in with the generic message when a custom attribute is mapped onto %s, naming variable and claim in the log',
    async (target) => {
      const fn = deploy({ AWS_REGION: 'eu-west-1', ID_TOKEN_CLAIMS: `custom:tenant_id=tenant_id,custom:x=${target}` });
      for (const version of ['1', '2'] as const) {
        const result = await invoke(fn, userEvent('TokenGeneration_HostedAuth', version));
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.errorMessage).toBe(GENERIC_USER_MESSAGE);
        expect(logRecords(result).filter((line) => line.message === 'invocation finished')).toMatchObject([
          {
            level: 'ERROR',
            variable: 'ID_TOKEN_CLAIMS',
            failurePolicy: 'reject',
            errorMessage: expect.stringContaining(`claim ${target.split(':')[0]},`) as unknown,
          },
        ]);
      }
    },
  );

  it('refuses every sign-in with the generic message when a mapping targets a reserved claim, and logs the variable', async () => {
    const fn = deploy({ AWS_REGION: 'eu-west-1', ACCESS_TOKEN_CLAIMS: 'custom:tenant_id=token_use' });
    for (let i = 0; i < 2; i += 1) {
      const result = await invoke(fn, userEvent('TokenGeneration_HostedAuth', '2'));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.errorMessage).toBe(GENERIC_USER_MESSAGE);
      expect(logRecords(result).filter((line) => line.message === 'invocation finished')).toMatchObject([
        { level: 'ERROR', variable: 'ACCESS_TOKEN_CLAIMS', failurePolicy: 'reject' },
      ]);
    }
  });

  it('refuses the sign-in with the generic message for an event it cannot read', async () => {
    const fn = deploy(config);
    const result = await invoke(fn, {
      triggerSource: 'TokenGeneration_HostedAuth',
      version: '2',
      request: { userAttributes: 'nope' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.errorMessage).toBe(GENERIC_USER_MESSAGE);
  });
});

describe('the log output of this whole suite', () => {
  it('is one JSON object per line and carries no personal data and no claim values', () => {
    expect(allLogs.length).toBeGreaterThan(20);
    for (const line of allLogs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(findPersonalData(allLogs.join('\n'), [...PERSONAL_VALUES, TENANT, BAD_SEATS, 'billing'])).toEqual([]);
  });
});
