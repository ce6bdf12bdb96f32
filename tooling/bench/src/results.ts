import type { BuildResult } from './build-times';
import type { ColdResult, LogLineResult, WarmResult } from './measure';

/**
 * Where and when the benchmark ran.
 *
 * @example
 * const meta: RunMeta = { date: '2026-11-27T21:00:00Z', cpu: 'AMD EPYC', cores: 2, ... };
 */
export interface RunMeta {
  /** ISO 8601, UTC. */
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  /** The Node that ran the benchmark (and the builds). */
  hostNode: string;
  /** The Node 24 the bundles ran on, as on the nodejs24.x runtime. */
  lambdaNode: string;
  turbo: string;
  esbuild: string;
  pnpm: string;
  /** How long the whole run took, in seconds. */
  durationS: number;
  /** The 1-minute load average when the run started and ended: other work on the machine adds noise. */
  loadAverage: { start: number; end: number };
  /** The sample counts, so a reader can judge the spreads. */
  plan: string[];
}

/**
 * One bundle's sizes in bytes.
 *
 * @example
 * bundles.push({ id: app.name, label: app.name, kind: 'app', bytes: sizes.bytes, gzipBytes: sizes.gzipBytes, zipBytes: zip.bytes });
 */
export interface BundleResult {
  id: string;
  label: string;
  kind: 'app' | 'reference';
  bytes: number;
  gzipBytes: number;
  /** The deployment zip (bundle and source map), built as the app build does. */
  zipBytes: number;
}

/**
 * Everything one run measured.
 *
 * @example
 * await writeFile('docs/benchmarks.md', renderMarkdown(results, evaluateTargets(results)));
 */
export interface BenchResults {
  meta: RunMeta;
  bundles: BundleResult[];
  cold: ColdResult[];
  warm: { stub: WarmResult[]; ses: WarmResult[] };
  logLines: LogLineResult[];
  builds: BuildResult[];
}

/**
 * The id suffix of the diagnostic subjects that run with logging at ERROR (no line written).
 *
 * @example
 * results.warm.stub.find((entry) => entry.id === `post-confirmation${QUIET_SUFFIX}`);
 */
export const QUIET_SUFFIX = ':quiet';

/**
 * The id suffix of the diagnostic cold-start subject: the app's bundle with a V8 compile cache.
 *
 * @example
 * results.cold.find((entry) => entry.id === `post-confirmation${COMPILE_CACHE_SUFFIX}`);
 */
export const COMPILE_CACHE_SUFFIX = ':compile-cache';

/**
 * The ids under which the compared subjects appear in {@link BenchResults}.
 *
 * @example
 * results.bundles.find((entry) => entry.id === SUBJECT_IDS.plain);
 */
export const SUBJECT_IDS = {
  app: 'post-confirmation',
  bare: 'bare',
  plain: 'plain',
  powertools: 'powertools-middy',
} as const;
