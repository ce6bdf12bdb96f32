import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_OPTIONS, deterministicZip, triggerBundleOptions } from '@cognito-triggers/build';
import { build, type Plugin } from 'esbuild';

const SRC = dirname(fileURLToPath(import.meta.url));

/**
 * The reference implementations, kept in this package only (see `src/reference/`).
 *
 * @example
 * await bundleEntry(REFERENCES.plain.entry, 'dist/reference/plain', { withoutTriggerCore: true });
 */
export const REFERENCES = {
  bare: { label: 'bare handler (no logging, no wrapper)', entry: join(SRC, 'reference', 'bare.ts') },
  plain: { label: 'plain SDK + console.log', entry: join(SRC, 'reference', 'plain.ts') },
  'powertools-middy': { label: 'Powertools Logger + Middy 7', entry: join(SRC, 'reference', 'powertools-middy.ts') },
} as const;

/**
 * The id of a reference implementation.
 *
 * @example
 * const referenceIds = Object.keys(REFERENCES) as ReferenceId[];
 */
export type ReferenceId = keyof typeof REFERENCES;

/**
 * The child-process scripts, bundled for Node 24 (see `src/workloads/`).
 *
 * @example
 * for (const name of WORKLOADS) console.log(`dist/workloads/${name}.mjs`);
 */
export const WORKLOADS = ['cold-probe', 'warm-child', 'log-line-child'] as const;

/**
 * The name of a workload script.
 *
 * @example
 * const workloads: Record<Workload, string> = await bundleWorkloads(join(distDir, 'workloads'));
 * await measureWarm(subjects, { script: workloads['warm-child'], ses, mode: 'stub', plan: FULL_PLAN.warmStub });
 */
export type Workload = (typeof WORKLOADS)[number];

/**
 * An esbuild plugin that swaps `@aws-sdk/client-ses` for a stub whose send resolves at once, so that
 * a warm invocation times the code around the send.
 *
 * @example
 * await build({ ...BUNDLE_OPTIONS, plugins: [stubSesPlugin()], entryPoints: [entry], outfile });
 */
export function stubSesPlugin(): Plugin {
  const stub = join(SRC, 'reference', 'stub-client-ses.ts');
  return {
    name: 'stub-client-ses',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^@aws-sdk\/client-ses$/ }, () => ({ path: stub }));
    },
  };
}

/**
 * An esbuild plugin for the reference builds: `@cognito-triggers/trigger-core` becomes the two
 * helpers the shared e-mail logic needs, so no trigger-core code counts towards a reference.
 *
 * @example
 * await build({ ...BUNDLE_OPTIONS, plugins: [withoutTriggerCorePlugin()], entryPoints: [entry], outfile });
 */
export function withoutTriggerCorePlugin(): Plugin {
  const shim = join(SRC, 'reference', 'trigger-core-shim.ts');
  return {
    name: 'without-trigger-core',
    setup(esbuild) {
      esbuild.onResolve({ filter: /^@cognito-triggers\/trigger-core$/ }, () => ({ path: shim }));
    },
  };
}

/**
 * A bundle the benchmark built, with the sizes the table compares.
 *
 * @example
 * const { bundlePath, bytes } = await bundleEntry(entry, outDir);
 */
export interface BuiltBundle {
  bundlePath: string;
  bytes: number;
  zipBytes: number;
}

/**
 * Bundles one entry with the options every bundle starts from (`BUNDLE_OPTIONS` of
 * `@cognito-triggers/build`; with `asTrigger`, the app's own `triggerBundleOptions()`) to
 * `<outDir>/index.mjs` with its source map, and zips both as the app build does.
 *
 * @example
 * await bundleEntry('src/reference/plain.ts', 'dist/reference/plain');
 */
export async function bundleEntry(
  entry: string,
  outDir: string,
  options: { stubSes?: boolean; withoutTriggerCore?: boolean; absWorkingDir?: string; asTrigger?: boolean } = {},
): Promise<BuiltBundle> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const bundlePath = join(outDir, 'index.mjs');
  // asTrigger: the app's own options (its Lambda plugins), for a variant of an app; else the shared base.
  const base = options.asTrigger ? triggerBundleOptions() : BUNDLE_OPTIONS;
  await build({
    ...base,
    entryPoints: [entry],
    outfile: bundlePath,
    absWorkingDir: options.absWorkingDir ?? dirname(entry),
    plugins: [
      // Before the trigger plugins: the stub replaces @aws-sdk/client-ses before anything resolves it.
      ...(options.stubSes ? [stubSesPlugin()] : []),
      ...(options.asTrigger ? (triggerBundleOptions().plugins ?? []) : []),
      ...(options.withoutTriggerCore ? [withoutTriggerCorePlugin()] : []),
    ],
  });
  const bundle = await readFile(bundlePath);
  const map = await readFile(`${bundlePath}.map`);
  const zip = deterministicZip({ 'index.mjs': bundle, 'index.mjs.map': map });
  await writeFile(join(outDir, 'bundle.zip'), zip);
  return { bundlePath, bytes: bundle.byteLength, zipBytes: zip.byteLength };
}

/**
 * Bundles the child-process scripts to `<outDir>/<name>.mjs`.
 *
 * @example
 * const scripts = await bundleWorkloads('dist/workloads');
 * spawn(node24Binary(), [scripts['cold-probe'], bundlePath]);
 */
export async function bundleWorkloads(outDir: string): Promise<Record<Workload, string>> {
  await mkdir(outDir, { recursive: true });
  const entries = await Promise.all(
    WORKLOADS.map(async (name) => {
      const outfile = join(outDir, `${name}.mjs`);
      await build({
        ...BUNDLE_OPTIONS,
        entryPoints: [join(SRC, 'workloads', `${name}.ts`)],
        outfile,
        absWorkingDir: SRC,
      });
      return [name, outfile] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Workload, string>;
}
