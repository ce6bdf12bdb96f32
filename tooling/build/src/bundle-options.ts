import type { BuildOptions } from 'esbuild';
import { envCredentialsPlugin } from './env-credentials-plugin';
import { lazyBuiltinsPlugin } from './lazy-builtins-plugin';
import { requireBuiltinsPlugin } from './require-builtins-plugin';

/**
 * The Lambda runtimes every bundle must run on; the build targets the oldest.
 *
 * @example
 * const runtime: (typeof LAMBDA_RUNTIMES)[number] = 'nodejs24.x';
 */
export const LAMBDA_RUNTIMES = ['nodejs24.x', 'nodejs22.x'] as const;

/**
 * The esbuild options every bundle here starts from: the apps (through {@link triggerBundleOptions},
 * which adds the Lambda-only plugins) and the benchmark's reference implementations, which show
 * what a team gets from a good esbuild setup of its own.
 *
 * - ESM output needs a `require` for the CommonJS parts of the AWS SDK, hence the banner.
 * - `module,main` resolution picks the SDK's ES builds, about a third smaller than its CJS ones.
 * - The SDK is bundled (not taken from the runtime) so its version is pinned by our lockfile.
 *
 * @example
 * await esbuild.build({ ...BUNDLE_OPTIONS, entryPoints: ['src/handler.ts'], outfile: 'dist/index.mjs' });
 */
export const BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  conditions: ['module', 'import'],
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
} as const satisfies BuildOptions;

/**
 * The esbuild options a trigger app is bundled with: {@link BUNDLE_OPTIONS} plus three plugins for
 * Lambda's cold start. Node built-ins load through `require` (no ES module facades, so
 * `node:http` does not load Node's bundled undici); the two the AWS SDK imports at the top but no
 * trigger needs at start-up, `node:zlib` and `node:fs/promises`, load only when used; and AWS SDK
 * clients take credentials from the environment only, as Lambda provides them (no default chain
 * with its STS and SSO clients: about 40% less code to load). See `require-builtins-plugin.ts`,
 * `lazy-builtins-plugin.ts` and `env-credentials-plugin.ts`.
 *
 * @example
 * await esbuild.build({ ...triggerBundleOptions(), entryPoints: ['src/handler.ts'], outfile: 'dist/index.mjs' });
 */
export function triggerBundleOptions(): BuildOptions & typeof BUNDLE_OPTIONS {
  // The lazy stand-ins first: the first plugin to resolve a built-in decides what it becomes.
  return { ...BUNDLE_OPTIONS, plugins: [lazyBuiltinsPlugin(), requireBuiltinsPlugin(), envCredentialsPlugin()] };
}
