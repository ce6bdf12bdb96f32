// Reference (a): what a team writes with the plain SDK and console.log, logging the same lines
// (and the same non-personal context) as the trigger-core app.
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import { decideEmail } from 'post-confirmation/src/decide';
import { configFromEnv, SES_CLIENT_CONFIG } from './config';

const ses = new SESClient(SES_CLIENT_CONFIG);
const config = configFromEnv();
let coldStart = true;

type Fields = Record<string, string | number | boolean | undefined>;

/**
 * The plain-SDK PostConfirmation handler: decide, send, log two JSON lines, never block the user.
 *
 * @example
 * await handler(event, context);
 */
export const handler = async (
  event: PostConfirmationTriggerEvent,
  context: Context,
): Promise<PostConfirmationTriggerEvent> => {
  const startedAt = Date.now();
  const base: Fields = {
    service: 'post-confirmation',
    awsRequestId: context.awsRequestId,
    triggerSource: event.triggerSource,
    userPoolId: event.userPoolId,
    clientId: event.callerContext?.clientId,
    userSub: event.request.userAttributes.sub,
    coldStart,
  };
  coldStart = false;
  const log = (level: string, message: string, fields: Fields): void => {
    console.log(JSON.stringify({ level, message, timestamp: new Date().toISOString(), ...base, ...fields }));
  };
  let outcome = 'success';
  try {
    const decision = decideEmail(event, config);
    if (decision.action === 'skip') {
      log('INFO', 'no e-mail sent', { reason: decision.reason });
    } else {
      const result = await ses.send(new SendEmailCommand(decision.input));
      log('INFO', 'e-mail sent', {
        kind: decision.kind,
        messageId: result.MessageId,
        attempts: result.$metadata.attempts,
      });
    }
  } catch (error) {
    outcome = 'failed';
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    log('ERROR', 'e-mail not sent', { errorName: name, errorMessage: message });
  }
  log(outcome === 'failed' ? 'ERROR' : 'INFO', 'invocation finished', {
    outcome,
    family: 'PostConfirmation',
    durationMs: Date.now() - startedAt,
  });
  return event;
};
