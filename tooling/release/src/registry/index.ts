export * from './errors';
export * from './function-name';
export * from './ses-sender';
export * from './settings';
export * from './slots';
export * from './stack-supplied';
export * from './stage';
export * from './triggers';
