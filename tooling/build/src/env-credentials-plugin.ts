import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const ENV_ONLY_PROVIDER = fileURLToPath(new URL('./lambda/env-credential-provider.ts', import.meta.url));

/**
 * An esbuild plugin that gives every AWS SDK client in the bundle environment-only credentials:
 * `@aws-sdk/credential-provider-node`, the module each client's Node runtime config takes its
 * default credential chain from (`credentialDefaultProvider`), becomes a provider that reads
 * `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and `AWS_SESSION_TOKEN` only.
 *
 * Why: Lambda gives a function its execution role's credentials in exactly those variables, and
 * the default chain tries them first there anyway. The rest of the chain (SSO, profiles, process,
 * web identity, container and instance metadata, with the STS and SSO clients they carry) is
 * about 40% of a bundle that sends one e-mail, parsed on every cold start and never run.
 * Without the variables the SDK's own error stands: `CredentialsProviderError: Unable to find
 * environment variable credentials.`
 *
 * @example
 * await esbuild.build({ ...BUNDLE_OPTIONS, plugins: [envCredentialsPlugin()], entryPoints, outfile });
 */
export function envCredentialsPlugin(): Plugin {
  return {
    name: 'env-only-aws-credentials',
    setup(build) {
      build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: ENV_ONLY_PROVIDER }));
    },
  };
}
