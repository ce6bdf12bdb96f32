import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDB } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import {
  customEmailSender,
  defineTrigger,
  eventIdempotencyKey,
  once,
  type CustomEmailSenderEvent,
  type TriggerTools,
} from '@cognito-triggers/trigger-core';
import { composeEmail } from './decide';
import { readConfig, type CustomEmailSenderConfig } from './config';
import { decryptCode } from './decrypt';
import { MessageNotSentError } from './errors';
import { noticeRecipient } from './notice-recipient';

// Created once per Lambda instance; region and endpoints come from the SDK's standard settings
// (AWS_REGION, AWS_ENDPOINT_URL_SES, AWS_ENDPOINT_URL_DYNAMODB), so one bundle talks to AWS or emulators.
const ses = new SESClient({ maxAttempts: 3, requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 } });
const dynamodb = new DynamoDB({ maxAttempts: 2, requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_000 } });
// Only an account-takeover notice without an address calls it (AdminGetUser).
const cognito = new CognitoIdentityProviderClient({
  maxAttempts: 2,
  requestHandler: { connectionTimeout: 1_000, requestTimeout: 1_000 },
});

/**
 * Sends one e-mail Cognito hands over: decrypts its code, composes it ({@link composeEmail}) and
 * sends it through SES once per code, putting what it did on the summary line; anything that stops
 * it is rethrown, for Lambda to retry.
 *
 * @example
 * defineTrigger(customEmailSender, { service: 'custom-email-sender', config: readConfig }, sendEmail);
 */
async function sendEmail(
  event: CustomEmailSenderEvent,
  { config, signal, annotate, logger }: TriggerTools<CustomEmailSenderConfig>,
): Promise<CustomEmailSenderEvent> {
  const notice = event.triggerSource === 'CustomEmailSender_AccountTakeOverNotification';
  try {
    const attributes: Readonly<Record<string, string | undefined>> = event.request.userAttributes;
    let recipient = attributes.email;
    if (notice && recipient === undefined) {
      // Threat protection names the user, not always the address: look it up.
      recipient = await noticeRecipient(event, cognito, signal);
      annotate({ recipientFrom: 'AdminGetUser' });
      if (recipient === undefined) {
        // No address, or no such user any more: retrying would not help, so a warning, not a failure.
        logger.warn('notice not sent', { reason: 'user-has-no-email' });
        annotate({ sent: false, notSentReason: 'user-has-no-email' });
        return event;
      }
    }
    const code = notice ? null : await decryptCode(event.request.code ?? '', config.kmsKeyArn);
    const email = composeEmail(event, code, config, recipient);
    annotate({ emailKind: email.kind, locale: email.locale, localeSource: email.localeSource });

    // A retried event carries the same ciphertext; every new code is encrypted afresh. A notice
    // has no code: its EVENT_ID (else the sign-in it reports) tells retries from new notices.
    const key = notice
      ? eventIdempotencyKey(event, attributes.EVENT_ID ?? `${attributes.LOGIN_TIME}|${attributes.IP_ADDRESS}`)
      : eventIdempotencyKey(event, event.request.code ?? '');
    const result = await once(key, () => ses.send(new SendEmailCommand(email.input), { abortSignal: signal }), {
      store: config.idempotencyTable ? { client: dynamodb, tableName: config.idempotencyTable } : undefined,
      signal,
      logger,
      // Lambda retries an asynchronous event for up to 6 hours; a day covers them all.
      windowSeconds: 86_400,
    });
    if (result.status === 'duplicate') {
      annotate({ sent: false, duplicateOf: result.previous });
    } else {
      annotate({
        sent: true,
        messageId: result.value.MessageId,
        attempts: result.value.$metadata?.attempts,
        idempotency: result.idempotency,
      });
    }
    return event;
  } catch (error) {
    if (error instanceof MessageNotSentError) annotate({ notSentReason: error.reason });
    throw error;
  }
}

/**
 * The CustomEmailSender Lambda handler: Cognito hands it every e-mail with the code encrypted; it
 * decrypts the code with the pool's KMS key, writes the branded e-mail in the user's language and
 * sends it through SES, once per code. Whatever stops it (a code it cannot decrypt, an address it
 * will not send to, SES failing, the deadline) is logged and rethrown, so that Lambda retries;
 * nothing is ever sent without the code.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment EMAIL_FROM, KMS_KEY_ARN, APP_NAME
 */
export const handler = defineTrigger(
  customEmailSender,
  { service: 'custom-email-sender', config: readConfig },
  sendEmail,
);
