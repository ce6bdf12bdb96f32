import { defineTrigger, preSignUp, UserFacingError } from '@cognito-triggers/trigger-core';
import { readConfig } from './config';
import { loadDisposableDomains, type DisposableCheck } from './disposable';
import { decideSignUp } from './gate';

// Loaded on the first invocation that needs it and kept for the life of the instance; a failed
// load is forgotten so that the next invocation tries again instead of failing forever.
let disposableDomains: Promise<DisposableCheck> | undefined;
function disposableCheck(): Promise<DisposableCheck> {
  disposableDomains ??= loadDisposableDomains().catch((error: unknown) => {
    disposableDomains = undefined;
    throw error;
  });
  return disposableDomains;
}

/**
 * The PreSignUp Lambda handler: lets a sign-up through, auto-confirms it, or refuses it with a
 * message for the end user, by the domain of the user's e-mail address. It is a gate, so it fails
 * closed: any unexpected failure refuses the sign-up with a generic message.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment ALLOWED_EMAIL_DOMAINS="acme.example,*.acme.example"
 */
export const handler = defineTrigger(
  preSignUp,
  { service: 'pre-sign-up', config: readConfig },
  async (event, { config, logger, annotate }) => {
    const decision = decideSignUp(event, config, config.blockDisposable ? await disposableCheck() : undefined);
    const { action, reason, rule, problem } = decision;
    annotate({ decision: reason });
    if (action === 'reject') {
      logger.info('sign-up rejected', { reason, ...rule, problem });
      throw new UserFacingError(decision.userMessage);
    }
    Object.assign(event.response, decision.response);
    logger.info('sign-up allowed', { reason, ...rule, detail: decision.detail, problem, ...decision.response });
    return event;
  },
);
