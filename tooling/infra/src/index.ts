export * from './config';
export * from './idempotency-table';
export * from './legacy-user-store';
export * from './read-config';
export * from './trigger-app';
export * from './trigger-stack';
export * from './user-pool-stack';
