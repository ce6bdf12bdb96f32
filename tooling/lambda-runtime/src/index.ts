export * from './lambda-function';
export * from './node24';
export * from './bundle-testbed';
