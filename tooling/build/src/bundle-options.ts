import type { BuildOptions } from 'esbuild';

/**
 * The Lambda runtimes every bundle must run on; the build targets the oldest.
 *
 * @example
 * const runtime: (typeof LAMBDA_RUNTIMES)[number] = 'nodejs24.x';
 */
export const LAMBDA_RUNTIMES = ['nodejs24.x', 'nodejs22.x'] as const;

/**
 * The esbuild options every trigger is bundled with. Exported so that benchmarks build their
 * reference implementations exactly the same way.
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
