// Stands in for @aws-sdk/client-ses in the "send stubbed" builds: the send resolves at once, so a
// warm invocation measures the code around the send and nothing of the network or the SDK.

interface StubCounter {
  benchStubSends?: number;
}

/**
 * Records the command and does nothing else.
 *
 * @example
 * new SendEmailCommand({ Source: 'a@b.example' });
 */
export class SendEmailCommand {
  constructor(readonly input: unknown) {}
}

/**
 * The SDK's base class of errors SES answered with; the stub never throws one, but the app's
 * sender checks failures against it.
 *
 * @example
 * if (error instanceof SESServiceException) console.log('SES answered', error.name);
 */
export class SESServiceException extends Error {}

/**
 * Answers every send with a success, counting sends on `globalThis.benchStubSends`.
 *
 * @example
 * await new SESClient({}).send(new SendEmailCommand(input)); // { MessageId: 'stub', ... }
 */
export class SESClient {
  constructor(_config?: unknown) {}

  send(
    _command: SendEmailCommand,
    _options?: unknown,
  ): Promise<{ MessageId: string; $metadata: { httpStatusCode: number; attempts: number } }> {
    const counter = globalThis as StubCounter;
    counter.benchStubSends = (counter.benchStubSends ?? 0) + 1;
    return Promise.resolve({ MessageId: '0100018f-stub-message-id', $metadata: { httpStatusCode: 200, attempts: 1 } });
  }

  /** Nothing to release: the stub holds no sockets. */
  destroy(): void {}
}
