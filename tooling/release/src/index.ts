export * from './cli';
export * from './deploy';
export * from './registry/index';
export * from './release-matrix';
export * from './rollback';
export * from './workspace-root';
