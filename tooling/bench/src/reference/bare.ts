// The floor for warm overhead: the same work (decide, send) with no logging and no wrapper.
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { Context, PostConfirmationTriggerEvent } from 'aws-lambda';
import { decideEmail } from 'post-confirmation/src/decide';
import { configFromEnv, SES_CLIENT_CONFIG } from './config';

const ses = new SESClient(SES_CLIENT_CONFIG);
const config = configFromEnv();

/**
 * Decides and sends, nothing else; failures are swallowed so the user is never blocked.
 *
 * @example
 * await handler(event, context);
 */
export const handler = async (
  event: PostConfirmationTriggerEvent,
  _context: Context,
): Promise<PostConfirmationTriggerEvent> => {
  try {
    const decision = decideEmail(event, config);
    if (decision.action === 'send') await ses.send(new SendEmailCommand(decision.input));
  } catch {
    // Fail open, as the real trigger does.
  }
  return event;
};
