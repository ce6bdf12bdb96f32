/**
 * Test helpers for triggers built on trigger-core: an event factory for every trigger source, a
 * fake Lambda context, and log capture with a personal-data check.
 */
export * from './context';
export * from './events';
export * from './logs';
