export * from './bundle-options';
export * from './build-app';
export * from './zip';
