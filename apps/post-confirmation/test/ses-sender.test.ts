import { SESClient, SESServiceException, type SendEmailCommandInput } from '@aws-sdk/client-ses';
import { startSesEmulator, startSesFaultProxy, type SesEmulator } from '@cognito-triggers/local-stack';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { sesSender } from '../src/ses-sender';

// The real SDK against the SES emulator, through a proxy that keeps what came over the wire.
let ses: SesEmulator;
beforeAll(async () => {
  ses = await startSesEmulator();
});
beforeEach(async () => {
  await ses.clear();
});
afterAll(async () => {
  await ses?.stop();
});

/** A signal for sends that should simply finish: generous, so a loaded machine never trips it. */
const patient = () => AbortSignal.timeout(15_000);

function email(to: string, subject: string): SendEmailCommandInput {
  return {
    Source: `${to.split('@')[0]}-sender@acme.example`,
    Destination: { ToAddresses: [to] },
    Message: { Subject: { Data: subject }, Body: { Text: { Data: `Hi ${to}` } } },
  };
}

function clients(endpoint: string) {
  const created: SESClient[] = [];
  const createClient = () => {
    const client = new SESClient({
      region: 'eu-west-1',
      endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    created.push(client);
    return client;
  };
  return { created, createClient };
}

describe('sesSender', () => {
  it('sends the request after a half-written one with only its own recipient, sender and subject', async () => {
    const proxy = await startSesFaultProxy({ target: ses.endpoint, plan: () => undefined, keepBodies: true });
    try {
      const { createClient } = clients(proxy.endpoint);
      const sender = sesSender(createClient);
      // The SDK has written Source and Destination when the subject's lone surrogate makes it throw.
      await expect(sender.send(email('mallory@evil.example', 'Mallory \ud800'), patient())).rejects.toThrow(URIError);
      await sender.send(email('jane@example.com', 'Welcome Jane'), patient());

      const bodies = proxy.bodies().map((body) => new URLSearchParams(body));
      expect(bodies).toHaveLength(1);
      const [wire] = bodies;
      expect(wire?.getAll('Destination.ToAddresses.member.1')).toEqual(['jane@example.com']);
      expect(wire?.has('Destination.ToAddresses.member.2')).toBe(false);
      expect(wire?.getAll('Source')).toEqual(['jane-sender@acme.example']);
      expect(wire?.getAll('Message.Subject.Data')).toEqual(['Welcome Jane']);
      expect(await ses.emails()).toMatchObject([
        { from: 'jane-sender@acme.example', destination: { to: ['jane@example.com'] }, subject: 'Welcome Jane' },
      ]);
    } finally {
      await proxy.stop();
    }
  });

  it('keeps its client, and its retry quota, after an error SES answered; replaces it after one it did not', async () => {
    const proxy = await startSesFaultProxy({ target: ses.endpoint, plan: (n) => (n === 1 ? 'reject' : undefined) });
    try {
      const { created, createClient } = clients(proxy.endpoint);
      const sender = sesSender(createClient);
      const rejected = await sender.send(email('jane@example.com', 'One'), patient()).catch((error: unknown) => error);
      expect(rejected).toBeInstanceOf(SESServiceException);
      expect(created).toHaveLength(1);

      const destroyed = vi.spyOn(created[0]!, 'destroy');
      await expect(sender.send(email('jane@example.com', '\udfff'), patient())).rejects.toThrow(URIError);
      expect(created).toHaveLength(2);
      expect(destroyed).toHaveBeenCalledOnce();

      await sender.send(email('jane@example.com', 'Two'), patient());
      expect(created).toHaveLength(2);
      expect((await ses.emails()).map((stored) => stored.subject)).toEqual(['Two']);
    } finally {
      await proxy.stop();
    }
  });

  it('lets a send still running on a replaced client finish before destroying that client', async () => {
    // The first request hangs, as one abandoned at an invocation's deadline would.
    const proxy = await startSesFaultProxy({ target: ses.endpoint, plan: (n) => (n === 1 ? 'hang' : undefined) });
    try {
      const { created, createClient } = clients(proxy.endpoint);
      const sender = sesSender(createClient);
      const abandoned = new AbortController();
      const slow = sender.send(email('jane@example.com', 'Slow'), abandoned.signal).catch((error: unknown) => error);
      await vi.waitFor(() => expect(proxy.counts().requests).toBe(1), { timeout: 15_000 });
      const destroyed = vi.spyOn(created[0]!, 'destroy');
      await expect(sender.send(email('jane@example.com', '\ud800'), patient())).rejects.toThrow(URIError);
      expect(created).toHaveLength(2);
      expect(destroyed).not.toHaveBeenCalled();
      abandoned.abort();
      expect(await slow).toMatchObject({ name: 'AbortError' });
      expect(destroyed).toHaveBeenCalledOnce();
    } finally {
      await proxy.stop();
    }
  });
});
