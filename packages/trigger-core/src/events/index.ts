export * from './common';
export * from './post-confirmation';
