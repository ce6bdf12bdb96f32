/**
 * trigger-core: typed Cognito user-pool trigger events, a JSON logger that never writes personal
 * data, and `defineTrigger`, the safe-return wrapper every app in this repo is built on.
 */
export * from './events/index';
export * from './errors';
export * from './logger';
export * from './redact';
export * from './config';
export * from './trigger';
export * from './html';
export { eventShape, responseShape, isTrueAttribute, type ShapeChecker } from './shape';
export * from './idempotency';
