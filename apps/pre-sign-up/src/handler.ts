import {
  defineTrigger,
  preSignUp,
  UserFacingError,
  type PreSignUpEvent,
  type TriggerTools,
} from '@cognito-triggers/trigger-core';
import { readConfig, type PreSignUpConfig } from './config';
import { loadDisposableDomains, type DisposableCheck } from './disposable';
import { decideSignUp } from './decide';

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
 * Applies {@link decideSignUp}'s answer to one sign-up: the response flags for an allowed one, a
 * refusal the user reads for a blocked one; the throw-away list is loaded only when enabled.
 *
 * @example
 * defineTrigger(preSignUp, { service: 'pre-sign-up', config: readConfig }, gateSignUp);
 */
async function gateSignUp(
  event: PreSignUpEvent,
  { config, logger, annotate }: TriggerTools<PreSignUpConfig>,
): Promise<PreSignUpEvent> {
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
}

/**
 * The PreSignUp Lambda handler: lets a sign-up through, auto-confirms it, or refuses it with a
 * message for the end user, by the domain of the user's e-mail address. It is a gate, so it fails
 * closed: any unexpected failure refuses the sign-up with a generic message.
 *
 * @example
 * // Lambda: runtime nodejs24.x, handler index.handler, environment ALLOWED_EMAIL_DOMAINS="acme.example,*.acme.example"
 */
export const handler = defineTrigger(preSignUp, { service: 'pre-sign-up', config: readConfig }, gateSignUp);
