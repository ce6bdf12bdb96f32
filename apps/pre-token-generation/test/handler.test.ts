import {
  defineTrigger,
  GENERIC_USER_MESSAGE,
  preTokenGeneration,
  type PreTokenGenerationEvent,
} from '@cognito-triggers/trigger-core';
import {
  captureStdoutLogs,
  fakeContext,
  findPersonalData,
  PERSONAL_VALUES,
  preTokenGenerationEvent,
  triggerEvent,
} from '@cognito-triggers/trigger-core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readConfig } from '../src/config';
import { answerEvent } from '../src/decide';

const TENANT = 'tenant-7f3a';
const BAD_SEATS = 'lots-of-seats';
const attributes = { 'custom:tenant_id': TENANT, 'custom:seats': '5', 'custom:beta': 'true' };
const environment = {
  ID_TOKEN_CLAIMS:
    'custom:tenant_id=tenant_id,custom:seats=seats:number,custom:beta=beta:boolean,given_name=first_name',
  ACCESS_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id',
  SCOPES_BY_GROUP: 'admins=api/admin;staff=api/read api/write',
};

// The handler reads its configuration at import (cold start), so each environment gets a fresh import.
async function loadHandler(variables: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(variables)) vi.stubEnv(name, value);
  const module = await import('../src/handler');
  return module.handler;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected the sign-in to be refused');
  return error;
}

let logs: ReturnType<typeof captureStdoutLogs>;
beforeEach(() => {
  logs = captureStdoutLogs();
});
afterEach(() => {
  logs.restore();
  vi.unstubAllEnvs();
  expect(findPersonalData(logs.raw.join(''), [...PERSONAL_VALUES, TENANT, BAD_SEATS])).toEqual([]);
});

describe('pre-token-generation handler', () => {
  it('puts typed claims in both tokens and scopes for the user’s groups on a version 2 sign-in, logging claim names only', async () => {
    const handler = await loadHandler(environment);
    const event = preTokenGenerationEvent('TokenGeneration_HostedAuth', '2', {
      request: { userAttributes: attributes, groupConfiguration: { groupsToOverride: ['staff'] } },
    });
    const result = await handler(event, fakeContext());
    expect(result.response).toEqual({
      claimsAndScopeOverrideDetails: {
        idTokenGeneration: { claimsToAddOrOverride: { tenant_id: TENANT, seats: 5, beta: true, first_name: 'Jane' } },
        accessTokenGeneration: { claimsToAddOrOverride: { tenant_id: TENANT }, scopesToAdd: ['api/read', 'api/write'] },
      },
    });
    expect(logs.withMessage('invocation finished')).toMatchObject([
      {
        level: 'INFO',
        outcome: 'success',
        idClaims: ['tenant_id', 'seats', 'beta', 'first_name'],
        accessClaims: ['tenant_id'],
        scopesAdded: 2,
        claimsOmitted: 0,
      },
    ]);
  });

  it('answers a version 1 sign-in with ID-token claims in claimsOverrideDetails, as strings', async () => {
    const handler = await loadHandler(environment);
    const result = await handler(
      triggerEvent('TokenGeneration_Authentication', { request: { userAttributes: attributes } }),
      fakeContext(),
    );
    expect(result.response).toEqual({
      claimsOverrideDetails: {
        claimsToAddOrOverride: { tenant_id: TENANT, seats: '5', beta: 'true', first_name: 'Jane' },
      },
    });
  });

  it('issues the tokens without a claim whose value does not convert, and warns with the claim’s name but not its value', async () => {
    const handler = await loadHandler(environment);
    const event = preTokenGenerationEvent('TokenGeneration_RefreshTokens', '3', {
      request: { userAttributes: { ...attributes, 'custom:seats': BAD_SEATS } },
    });
    const result = await handler(event, fakeContext());
    expect(result.response).toMatchObject({
      claimsAndScopeOverrideDetails: { idTokenGeneration: { claimsToAddOrOverride: { tenant_id: TENANT } } },
    });
    expect(JSON.stringify(result.response)).not.toContain('seats');
    expect(logs.withMessage('claim omitted')).toMatchObject([
      { level: 'WARN', claim: 'seats', target: 'id-token', reason: 'not-a-number' },
    ]);
    expect(logs.withMessage('invocation finished')).toMatchObject([{ outcome: 'success', claimsOmitted: 1 }]);
  });

  it('warns once per instance, at its first version 1 event, that the access-token settings and claim types are ignored', async () => {
    const handler = await loadHandler(environment);
    await handler(
      triggerEvent('TokenGeneration_HostedAuth', { request: { userAttributes: attributes } }),
      fakeContext(),
    );
    await handler(
      triggerEvent('TokenGeneration_RefreshTokens', { request: { userAttributes: attributes } }),
      fakeContext(),
    );
    expect(logs.withMessage('settings ignored on version 1 events')).toMatchObject([
      {
        level: 'WARN',
        variables: ['ACCESS_TOKEN_CLAIMS', 'SCOPES_BY_GROUP'],
        idClaims: [],
        idClaimsAsStrings: ['seats', 'beta'],
        coldStart: true,
      },
    ]);
  });

  it('adds nothing user-based to a client-credentials token', async () => {
    const handler = await loadHandler(environment);
    const result = await handler(triggerEvent('TokenGeneration_ClientCredentials'), fakeContext());
    expect(result.response).toEqual({ claimsAndScopeOverrideDetails: {} });
  });

  it('refuses every sign-in with the generic message when a mapping targets a reserved claim, naming variable and claim in the log only', async () => {
    const handler = await loadHandler({ ID_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,custom:id=sub' });
    for (let i = 0; i < 2; i += 1) {
      const error = await rejection(handler(preTokenGenerationEvent('TokenGeneration_HostedAuth', '2'), fakeContext()));
      expect(error.message).toBe(GENERIC_USER_MESSAGE);
    }
    expect(logs.withMessage('configuration invalid')).toMatchObject([
      { variable: 'ID_TOKEN_CLAIMS', errorMessage: expect.stringContaining('claim sub') as unknown },
    ]);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { level: 'ERROR', outcome: 'failed', failurePolicy: 'reject', variable: 'ID_TOKEN_CLAIMS' },
      { level: 'ERROR', outcome: 'failed', failurePolicy: 'reject', variable: 'ID_TOKEN_CLAIMS' },
    ]);
  });

  it('refuses every sign-in with the generic message when a mapping would set email_verified, naming variable and claim in the log only', async () => {
    const handler = await loadHandler({
      ID_TOKEN_CLAIMS: 'custom:tenant_id=tenant_id,custom:verified=email_verified:boolean',
    });
    const error = await rejection(handler(preTokenGenerationEvent('TokenGeneration_HostedAuth', '1'), fakeContext()));
    expect(error.message).toBe(GENERIC_USER_MESSAGE);
    expect(logs.withMessage('configuration invalid')).toMatchObject([
      { variable: 'ID_TOKEN_CLAIMS', errorMessage: expect.stringContaining('claim email_verified,') as unknown },
    ]);
  });

  it('refuses the sign-in with the generic message when the event is malformed, naming the path in the log', async () => {
    const handler = await loadHandler(environment);
    const malformed = {
      ...preTokenGenerationEvent('TokenGeneration_HostedAuth', '2'),
      version: '9',
    } as unknown as PreTokenGenerationEvent;
    const error = await rejection(handler(malformed, fakeContext()));
    expect(error.message).toBe(GENERIC_USER_MESSAGE);
    expect(logs.withMessage('invocation finished')).toMatchObject([{ outcome: 'failed', path: 'version' }]);
  });

  it('refuses the sign-in with the generic message, rather than issue tokens without their claims, when the answer misses the deadline', async () => {
    // The app's answer is synchronous and cannot be slowed down, so the same answer behind a delay stands in for a slow instance.
    const slow = defineTrigger(
      preTokenGeneration,
      { service: 'pre-token-generation', config: readConfig, environment, safetyMarginMs: 50 },
      async (event, { config }) => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return answerEvent(event, config).event;
      },
    );
    const startedAt = Date.now();
    const error = await rejection(
      slow(preTokenGenerationEvent('TokenGeneration_HostedAuth', '2'), fakeContext({ remainingMs: 250 })),
    );
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    expect(error.message).toBe(GENERIC_USER_MESSAGE);
    expect(logs.withMessage('invocation finished')).toMatchObject([
      { outcome: 'failed', failurePolicy: 'reject', errorName: 'DeadlineExceededError' },
    ]);
  });
});
