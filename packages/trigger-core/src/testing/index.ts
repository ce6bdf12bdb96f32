/**
 * Test helpers for triggers built on trigger-core: an event factory for every trigger source, a
 * fake Lambda context, and log capture with a personal-data check. The shared handler-test setup,
 * which needs vitest, is `@cognito-triggers/trigger-core/testing/handler`.
 *
 * @example
 * import { fakeContext, triggerEvent } from '@cognito-triggers/trigger-core/testing';
 * const result = await handler(triggerEvent('PreSignUp_SignUp'), fakeContext());
 */

// Events, as Cognito sends them, for every trigger source.
export {
  FACTORY_SOURCES,
  preTokenGenerationEvent,
  triggerEvent,
  type DeepPartial,
  type EventsBySource,
  type FactorySource,
  type PreTokenGenerationEventsByVersion,
} from './events';
export {
  AWS_DOC_SAMPLE_POST_CONFIRMATION_EVENT,
  PERSONAL_VALUES,
  SAMPLE_SECRETS,
  SAMPLE_USER,
  sampleUserAttributes,
} from './sample-data';

// Lambda's side.
export { fakeContext, type FakeContext } from './context';

// Logs, and what must never be in them.
export { captureLogs, captureStdoutLogs, findPersonalData, type CapturedLogs } from './logs';
