import { fileURLToPath } from 'node:url';
import { bundleTestbed, logRecords } from '@cognito-triggers/lambda-runtime';
import {
  startSesEmulator,
  startSesFaultProxy,
  type SesEmulator,
  type SesFaultProxy,
} from '@cognito-triggers/local-stack';
import { findPersonalData, PERSONAL_VALUES, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// The deployed artifact on Node 24, one process per function as a warm Lambda instance keeps it,
// sending through a proxy that keeps every request body, in front of the SES emulator.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));
const config = { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme', AWS_REGION: 'eu-west-1' };
const MALLORY = 'mallory@evil.example';
const HOSTILE_RECIPIENTS = {
  'jane.doe@example.com\r\nBcc: eve@evil.example': 'line-break-or-control-character',
  'jane.doe@example.com, eve@evil.example': 'several-addresses',
  'eve@evil.example@example.com': 'not-one-at-sign',
  'jane.doe@example.com/eve': 'domain',
} as const;

let ses: SesEmulator;
let wire: SesFaultProxy;
const testbed = bundleTestbed({ name: 'post-confirmation', bundlePath });

beforeAll(async () => {
  ses = await startSesEmulator();
});
beforeEach(async () => {
  await ses.clear();
  wire = await startSesFaultProxy({ target: ses.endpoint, plan: () => undefined, keepBodies: true });
  return () => wire.stop();
});
afterAll(async () => {
  await testbed.stop();
  await ses?.stop();
});

const summaryOf = (result: Awaited<ReturnType<typeof testbed.invoke>>) =>
  logRecords(result).find((line) => line.message === 'invocation finished');

describe('the built bundle, one warm instance, hostile users', () => {
  it("sends the next user's welcome e-mail to that user alone after a name with a lone surrogate", async () => {
    const fn = testbed.deploy({ ...config, AWS_ENDPOINT_URL_SES: wire.endpoint });
    const mallory = await testbed.invoke(
      fn,
      triggerEvent('PostConfirmation_ConfirmSignUp', {
        request: { userAttributes: { email: MALLORY, given_name: undefined, name: 'Mallory \ud800' } },
      }),
    );
    const jane = await testbed.invoke(fn, triggerEvent('PostConfirmation_ConfirmSignUp'));

    expect(summaryOf(mallory)).toMatchObject({ outcome: 'success', emailKind: 'welcome', coldStart: true });
    expect(summaryOf(jane)).toMatchObject({ outcome: 'success', emailKind: 'welcome', coldStart: false });
    // What the SDK put on the wire for Jane: her address once, Acme's sender, her subject.
    const requests = wire.bodies().map((body) => new URLSearchParams(body));
    expect(requests).toHaveLength(2);
    const janes = requests[1]!;
    expect(janes.getAll('Destination.ToAddresses.member.1')).toEqual(['jane.doe@example.com']);
    expect([...janes.keys()].filter((key) => key.startsWith('Destination.'))).toEqual([
      'Destination.ToAddresses.member.1',
    ]);
    expect(janes.getAll('Source')).toEqual(['Acme <hello@acme.example>']);
    expect(janes.getAll('Message.Subject.Data')).toEqual(['Welcome to Acme']);
    expect(janes.get('Message.Body.Text.Data')).toMatch(/^Hi Jane,\n/);
    // And what SES made of the two requests: one e-mail each, to its own user.
    const emails = await ses.emails();
    expect(emails.map((stored) => [stored.destination.to, stored.subject])).toEqual([
      [[MALLORY], 'Welcome to Acme'],
      [['jane.doe@example.com'], 'Welcome to Acme'],
    ]);
    expect(emails[0]?.body.text).toMatch(/^Hi Mallory \ufffd,\n/);
    expect(emails[1]?.body.text).not.toContain('Mallory');
  });

  it('sends nothing to a recipient value that is not one address, says why, and still serves the next user', async () => {
    const fn = testbed.deploy({ ...config, AWS_ENDPOINT_URL_SES: wire.endpoint });
    for (const [email, addressProblem] of Object.entries(HOSTILE_RECIPIENTS)) {
      const result = await testbed.invoke(
        fn,
        triggerEvent('PostConfirmation_ConfirmSignUp', { request: { userAttributes: { email } } }),
      );
      expect(result.ok).toBe(true);
      expect(summaryOf(result)).toMatchObject({
        level: 'INFO',
        outcome: 'success',
        skipReason: 'email-address-invalid',
        addressProblem,
      });
    }
    expect(wire.bodies()).toEqual([]);
    await testbed.invoke(fn, triggerEvent('PostConfirmation_ConfirmSignUp'));
    expect((await ses.emails()).map((stored) => stored.destination.to)).toEqual([['jane.doe@example.com']]);
  });

  it('greets by a name without its line breaks and bidirectional overrides, capped at 64 characters', async () => {
    const fn = testbed.deploy({ ...config, AWS_ENDPOINT_URL_SES: wire.endpoint });
    await testbed.invoke(
      fn,
      triggerEvent('PostConfirmation_ConfirmSignUp', {
        request: {
          userAttributes: { given_name: `Jane\r\n\r\nClick https://evil.example \u202e${'!'.repeat(2_000)}` },
        },
      }),
    );
    const [email] = await ses.emails();
    const greeting = `Hi Jane Click https://evil.example ${'!'.repeat(31)}…,`;
    expect([...greeting.slice(3, -1)]).toHaveLength(64);
    expect(email?.body.text?.split('\n')[0]).toBe(greeting);
    expect(email?.body.html).toContain(`<p>${greeting}</p>`);
  });
});

describe('the log output of these invocations', () => {
  it('names no address, hostile or not, and no name', () => {
    const logs = testbed.logs.join('\n');
    expect(testbed.invocations()).toBeGreaterThanOrEqual(8);
    expect(findPersonalData(logs, [...PERSONAL_VALUES, MALLORY, 'eve@evil.example', 'Mallory'])).toEqual([]);
  });
});
