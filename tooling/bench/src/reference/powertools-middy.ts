// Reference (b): Powertools Logger with Middy, the stack the AWS docs suggest. It logs the same
// lines as the trigger-core app; Middy's core gives it a deadline signal as trigger-core's does.
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj } from '@middy/core';
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import { decideEmail } from 'post-confirmation/src/decide';
import { configFromEnv, SES_CLIENT_CONFIG } from './config';

const logger = new Logger({ serviceName: 'post-confirmation' });
const ses = new SESClient(SES_CLIENT_CONFIG);
const config = configFromEnv();

type Event = PostConfirmationTriggerEvent;

const lambdaHandler = async (event: Event, _context: Context, { signal }: { signal: AbortSignal }): Promise<Event> => {
  const startedAt = Date.now();
  logger.appendKeys({
    triggerSource: event.triggerSource,
    userPoolId: event.userPoolId,
    clientId: event.callerContext?.clientId,
    userSub: event.request.userAttributes.sub,
  });
  const decision = decideEmail(event, config);
  if (decision.action === 'skip') {
    logger.info('no e-mail sent', { reason: decision.reason });
  } else {
    try {
      const result = await ses.send(new SendEmailCommand(decision.input), { abortSignal: signal });
      logger.info('e-mail sent', {
        kind: decision.kind,
        messageId: result.MessageId,
        attempts: result.$metadata.attempts,
      });
    } catch (error) {
      logger.error('e-mail not sent', { kind: decision.kind, error: error as Error });
      throw error;
    }
  }
  logger.info('invocation finished', {
    outcome: 'success',
    family: 'PostConfirmation',
    durationMs: Date.now() - startedAt,
  });
  return event;
};

// PostConfirmation fails open: log the failure and hand Cognito its event back.
const failOpen: MiddlewareObj<Event, Event> = {
  onError: (request) => {
    logger.error('invocation finished', {
      outcome: 'failed',
      family: 'PostConfirmation',
      error: request.error as Error,
    });
    request.response = request.event;
  },
};

/**
 * The Powertools + Middy PostConfirmation handler.
 *
 * @example
 * await handler(event, context);
 */
export const handler = middy<Event, Event>(lambdaHandler)
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(failOpen);
