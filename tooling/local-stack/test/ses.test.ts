import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  faultShares,
  refusingEndpoint,
  startService,
  startSesEmulator,
  startSesFaultProxy,
  type SesEmulator,
} from '../src/index';

// The emulator only checks that some credentials are present, as the SDK would sign with.
const AUTH = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20261127/us-east-1/ses/aws4_request, SignedHeaders=host, Signature=0',
};

function sendEmailForm(to: string): URLSearchParams {
  return new URLSearchParams({
    Action: 'SendEmail',
    Version: '2010-12-01',
    Source: 'hello@acme.example',
    'Destination.ToAddresses.member.1': to,
    'Message.Subject.Data': 'Welcome',
    'Message.Body.Text.Data': 'Hi',
  });
}

let ses: SesEmulator;
beforeAll(async () => {
  ses = await startSesEmulator();
});
afterAll(async () => {
  await ses?.stop();
});

describe('startSesEmulator', () => {
  it('starts aws-ses-v2-local on 127.0.0.1 and lists the e-mails sent to it', async () => {
    expect(ses.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(ses.endpoint, {
      method: 'POST',
      headers: AUTH,
      body: sendEmailForm('jane@example.com'),
    });
    expect(response.status).toBe(200);
    expect(await ses.emails()).toMatchObject([{ subject: 'Welcome', destination: { to: ['jane@example.com'] } }]);
    await ses.clear();
    expect(await ses.emails()).toEqual([]);
  });
});

describe('startSesFaultProxy', () => {
  it('answers with the SES error a fault stands for, quoting the recipient as SES does', async () => {
    const proxy = await startSesFaultProxy({ plan: 'reject' });
    try {
      const response = await fetch(proxy.endpoint, {
        method: 'POST',
        headers: AUTH,
        body: sendEmailForm('jane@example.com'),
      });
      expect(response.status).toBe(400);
      const body = await response.text();
      expect(body).toContain('<Code>MessageRejected</Code>');
      expect(body).toContain('jane@example.com');
      expect(proxy.counts()).toMatchObject({ requests: 1, reject: 1, forwarded: 0 });
    } finally {
      await proxy.stop();
    }
  });

  it('forwards what it does not fail to the emulator behind it', async () => {
    const proxy = await startSesFaultProxy({ target: ses.endpoint, plan: (n) => (n === 1 ? 'throttle' : undefined) });
    try {
      const first = await fetch(proxy.endpoint, {
        method: 'POST',
        headers: AUTH,
        body: sendEmailForm('a@example.com'),
      });
      const second = await fetch(proxy.endpoint, {
        method: 'POST',
        headers: AUTH,
        body: sendEmailForm('b@example.com'),
      });
      expect([first.status, second.status]).toEqual([400, 200]);
      expect((await ses.emails()).map((email) => email.destination.to[0])).toContain('b@example.com');
    } finally {
      await proxy.stop();
    }
  });

  it('keeps the bodies of the requests it received, in order, when asked to', async () => {
    const recorder = await startSesFaultProxy({ target: ses.endpoint, plan: () => undefined, keepBodies: true });
    const silent = await startSesFaultProxy({ target: ses.endpoint, plan: () => undefined });
    try {
      for (const to of ['a@example.com', 'b@example.com']) {
        for (const proxy of [recorder, silent]) {
          const response = await fetch(proxy.endpoint, { method: 'POST', headers: AUTH, body: sendEmailForm(to) });
          await response.body?.cancel();
        }
      }
      const recipients = recorder
        .bodies()
        .map((body) => new URLSearchParams(body).getAll('Destination.ToAddresses.member.1'));
      expect(recipients).toEqual([['a@example.com'], ['b@example.com']]);
      expect(silent.bodies()).toEqual([]);
    } finally {
      await recorder.stop();
      await silent.stop();
    }
  });

  it('keeps a hung request open until stopped', async () => {
    const proxy = await startSesFaultProxy({ plan: 'hang' });
    const outcome = await fetch(proxy.endpoint, {
      method: 'POST',
      headers: AUTH,
      body: sendEmailForm('a@example.com'),
      signal: AbortSignal.timeout(300),
    }).then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    await proxy.stop();
    expect(outcome).toBe('TimeoutError');
  });
});

describe('faultShares', () => {
  it('fails about the requested share of requests, reproducibly for a seed', () => {
    const plan = faultShares({ throttle: 0.2, hang: 0.1 }, 7);
    const picks = Array.from({ length: 2_000 }, (_, i) => plan(i + 1));
    const again = faultShares({ throttle: 0.2, hang: 0.1 }, 7);
    expect(Array.from({ length: 2_000 }, (_, i) => again(i + 1))).toEqual(picks);
    const throttled = picks.filter((pick) => pick === 'throttle').length / picks.length;
    expect(throttled).toBeGreaterThan(0.15);
    expect(throttled).toBeLessThan(0.25);
  });
});

describe('startService', () => {
  it('names the service and quotes its output when it cannot start', async () => {
    await expect(
      startService('broken thing', process.execPath, ['-e', 'console.error("port in use"); process.exit(2)'], () =>
        Promise.resolve(false),
      ),
    ).rejects.toThrow(/broken thing could not start \(exited with code 2\):\nport in use/);
  });

  it('gives a refusing endpoint where nothing listens', async () => {
    const endpoint = await refusingEndpoint();
    await expect(fetch(endpoint)).rejects.toThrow();
  });
});
