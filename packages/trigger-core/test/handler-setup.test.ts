import { describe, expect, it } from 'vitest';
import { fakeContext, triggerEvent } from '../src/testing/index';
import { handlerUnderTest } from '../src/testing/handler';

const app = handlerUnderTest(() => import('./fixtures/greeting-handler'));

describe('handlerUnderTest', () => {
  it('imports the handler afresh for each environment, so each one is a cold start', async () => {
    const acme = await app.load({ APP_NAME: 'Acme' });
    await acme(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    const other = await app.load({ APP_NAME: 'Other' });
    expect(other).not.toBe(acme);
    await other(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    expect(app.logs.withMessage('invocation finished')).toMatchObject([
      { appName: 'Acme', coldStart: true },
      { appName: 'Other', coldStart: true },
    ]);
  });

  it('restores the environment after each test: APP_NAME is unset again', async () => {
    const handler = await app.load();
    await handler(triggerEvent('PostConfirmation_ConfirmSignUp'), fakeContext());
    expect(app.logs.withMessage('invocation finished')).toMatchObject([{ outcome: 'failed', variable: 'APP_NAME' }]);
  });
});
