import { LAMBDA_RUNTIMES } from './bundle-options';

/**
 * How every trigger runs on Lambda. The manifest records it, the CDK stacks create functions with
 * it and the deploy command checks it: one definition, so they cannot drift apart. arm64 because
 * Graviton is cheaper per millisecond and the bundles are plain JavaScript.
 *
 * @example
 * new lambda.Function(scope, 'Fn', { handler: LAMBDA_TARGET.handler, ... });
 */
export const LAMBDA_TARGET = {
  runtime: LAMBDA_RUNTIMES[0],
  architecture: 'arm64',
  handler: 'index.handler',
} as const;
