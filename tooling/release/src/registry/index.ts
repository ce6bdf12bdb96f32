export * from './errors';
export * from './function-name';
export * from './settings';
export * from './slots';
export * from './stage';
export * from './triggers';
