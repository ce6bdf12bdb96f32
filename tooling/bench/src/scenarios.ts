import { triggerEvent } from '@cognito-triggers/trigger-core/testing';
import type { Scenario } from './measure';

/**
 * The event and configuration each app is invoked with in the cold-start and warm benchmarks,
 * keyed by app name. An app without one is still sized and its import timed; add its entry here
 * to time its first invocation too.
 *
 * @example
 * const scenario = SCENARIOS['post-confirmation'];
 */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  'post-confirmation': {
    // A confirmed sign-up with a verified address: the path that sends the welcome e-mail.
    event: triggerEvent('PostConfirmation_ConfirmSignUp'),
    environment: { EMAIL_FROM: 'Acme <hello@acme.example>', APP_NAME: 'Acme', APP_URL: 'https://acme.example/sign-in' },
  },
};
