export * from './lambda-function';
export * from './node24';
