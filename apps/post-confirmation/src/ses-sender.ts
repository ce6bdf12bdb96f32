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
 * `SESServiceException`). Then that client is destroyed and the next send gets a new one, because
 * such an error can leave the client half way through a request: the SDK's query serializer keeps
 * what it had written when it throws (a `URIError` on a lone surrogate), and the next request,
 * another user's, would be sent with the first one's recipient, sender and subject in front of
 * its own. SES's own errors (throttling, a rejected message) keep the client and its retry quota.
 *
 * @example
 * const sender = sesSender(() => new SESClient({ maxAttempts: 3 }));
 */
export function sesSender(createClient: () => SESClient): SesSender {
  let client = createClient();
  return {
    async send(input, signal) {
      const used = client;
      try {
        return await used.send(new SendEmailCommand(input), { abortSignal: signal });
      } catch (error) {
        if (!(error instanceof SESServiceException) && client === used) {
          client = createClient();
          used.destroy();
        }
        throw error;
      }
    },
  };
}
