// What `@aws-sdk/credential-provider-node` becomes in a Lambda bundle (see env-credentials-plugin.ts):
// the same export an SDK client's runtime config imports, reading the environment only.
import { fromEnv } from '@aws-sdk/credential-provider-env';

/**
 * The SDK's default credential provider, reduced to its first link: credentials from the
 * environment, as Lambda sets them. Throws the SDK's `CredentialsProviderError` when they are missing.
 *
 * @example
 * const credentials = await defaultProvider()(); // { accessKeyId, secretAccessKey, sessionToken }
 */
export const defaultProvider = (init: Parameters<typeof fromEnv>[0] = {}): ReturnType<typeof fromEnv> => fromEnv(init);
