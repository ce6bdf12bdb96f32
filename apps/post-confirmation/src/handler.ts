import { SESClient } from '@aws-sdk/client-ses';
import {
  defineTrigger,
  eventIdempotencyKey,
  once,
  postConfirmation,
  type IdempotencyStore,
  type PostConfirmationEvent,
  type TriggerTools,
} from '@cognito-triggers/trigger-core';
import { readConfig, type PostConfirmationConfig } from './config';
import { dynamoDbOverFetch } from './dynamodb-fetch';
import { decideEmail } from './decide';
import { sesSender } from './ses-sender';

// One client per Lambda instance (replaced only after a failure SES did not answer: see sesSender).
// Region and endpoint come from the SDK's standard settings (AWS_REGION, AWS_ENDPOINT_URL_SES), so
// the same bundle talks to SES or to an emulator.
const ses = sesSender(
  () =>
    new SESClient({
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
    }),
);

// A confirmation happens once per user: a day covers every retry. Two password resets are two
// events that look alike, so the notice's window only covers Cognito's retries of one reset.
const WINDOW_SECONDS = { welcome: 86_400, 'password-changed': 300 } as const;

/**
 * Sends the e-mail {@link decideEmail} chose for a confirmation (welcome or password-changed
 * notice) through SES, at most once per event with `IDEMPOTENCY_TABLE`, and puts what it decided
 * and sent on the invocation's summary line.
 *
 * @example
 * defineTrigger(postConfirmation, { service: 'post-confirmation', config: readConfig }, sendConfirmationEmail);
 */
async function sendConfirmationEmail(
  event: PostConfirmationEvent,
  { config, signal, annotate, logger }: TriggerTools<PostConfirmationConfig>,
): Promise<PostConfirmationEvent> {
  const decision = decideEmail(event, config);
  // Everything this invocation decided goes on the wrapper's one summary line ("invocation
  // finished"): one line per confirmation to query, and a failed send there carries the SES
  // error's name and code, the e-mail kind and the user's sub, never the address.
  if (decision.action === 'skip') {
    annotate(
      decision.reason === 'email-address-invalid'
        ? { skipReason: decision.reason, addressProblem: decision.addressProblem }
        : { skipReason: decision.reason },
    );
    return event;
  }
  annotate({ emailKind: decision.kind });
  // With IDEMPOTENCY_TABLE, a retried confirmation finds the first one's record and sends nothing;
  // if the table cannot be reached the e-mail is still attempted once (the user is confirmed).
  const sent = await once(
    () => eventIdempotencyKey(event),
    () => ses.send(decision.input, signal),
    {
      store: idempotencyStore(config.idempotency),
      signal,
      logger,
      windowSeconds: WINDOW_SECONDS[decision.kind],
      whenUnavailable: 'run',
    },
  );
  if (sent.status === 'duplicate') {
    annotate({ skipReason: 'duplicate', duplicateOf: sent.previous });
    return event;
  }
  annotate({
    messageId: sent.value.MessageId,
    attempts: sent.value.$metadata?.attempts,
    idempotency: sent.idempotency,
    idempotencyError: sent.unavailableBecause,
  });
  return event;
}

/**
 * The PostConfirmation Lambda handler: a welcome e-mail after a confirmed sign-up, a security notice
 * after a password reset. It never blocks the user: any failure is logged and the event returned.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment EMAIL_FROM="Acme <hello@acme.example>"
 */
export const handler = defineTrigger(
  postConfirmation,
  { service: 'post-confirmation', config: readConfig },
  sendConfirmationEmail,
);

// Made once per instance, at the first invocation that needs it (the configuration is read at cold start).
let store: IdempotencyStore | undefined;
function idempotencyStore(settings: PostConfirmationConfig['idempotency']): IdempotencyStore | undefined {
  if (!settings) return undefined;
  store ??= { client: dynamoDbOverFetch(settings), tableName: settings.tableName };
  return store;
}
