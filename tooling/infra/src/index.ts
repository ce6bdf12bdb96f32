export * from './config';
export * from './nag';
export * from './read-config';
export * from './synth-check';
export * from './trigger-app';
export * from './trigger-stack';
export * from './user-pool-stack';
