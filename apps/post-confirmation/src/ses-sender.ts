import {
  SendEmailCommand,
  SESServiceException,
  type SendEmailCommandInput,
  type SendEmailCommandOutput,
  type SESClient,
} from '@aws-sdk/client-ses';

/**
 * Sends e-mail through one SES client kept for the Lambda instance, replaced after a failure SES
 * did not answer (see {@link sesSender}).
 *
 * @example
 * const result = await sender.send(input, signal);
 */
export interface SesSender {
  send(input: SendEmailCommandInput, signal: AbortSignal): Promise<SendEmailCommandOutput>;
}

/**
 * A {@link SesSender} over clients from `createClient`: one client serves every invocation of a
 * warm instance, until a send fails with an error that is not SES's answer (an
 * `SESServiceException`). Then the next send gets a new client, and the old one is destroyed once
 * its last running send settles. Such an error can leave the client half way through a request:
 * the SDK's query serializer keeps what it had written when it throws (a `URIError` on a lone
 * surrogate), and the next request, another user's, would be sent with the first one's
 * recipient, sender and subject in front of its own. SES's own errors (throttling, a rejected
 * message) keep the client and its retry quota.
 *
 * @example
 * const sender = sesSender(() => new SESClient({ maxAttempts: 3 }));
 */
export function sesSender(createClient: () => SESClient): SesSender {
  // The client in use and how many of its sends are still running: a send abandoned at the
  // deadline may still be settling when the next invocation starts, so a replaced client is
  // destroyed only once its last send is done. A record per client, not a map: this is every
  // warm invocation's path.
  let current = { client: createClient(), running: 0 };
  return {
    async send(input, signal) {
      const used = current;
      used.running += 1;
      try {
        return await used.client.send(new SendEmailCommand(input), { abortSignal: signal });
      } catch (error) {
        if (!(error instanceof SESServiceException) && current === used)
          current = { client: createClient(), running: 0 };
        throw error;
      } finally {
        used.running -= 1;
        if (used.running === 0 && used !== current) used.client.destroy();
      }
    },
  };
}
