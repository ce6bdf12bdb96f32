import type { BenchResults } from '../src/results';
import { summarize } from '../src/stats';

const around = (median: number, spread = 0.02) => summarize([median * (1 - spread), median, median * (1 + spread)]);

/**
 * A run's results with round numbers, for the renderers and the target checks.
 *
 * @example
 * const results = fixtureResults({ warmAppUs: 20 });
 */
export function fixtureResults(
  overrides: { appBytes?: number; warmAppUs?: number; lineNs?: number; noChangeMs?: number } = {},
): BenchResults {
  return {
    meta: {
      date: '2026-11-27T21:00:00Z',
      cpu: 'AMD EPYC',
      cores: 2,
      memoryGiB: 24,
      os: 'Linux 6.1 x64',
      hostNode: '20.20.2',
      lambdaNode: '24.21.0',
      turbo: '2.11.9',
      esbuild: '0.28.2',
      pnpm: '10.34.9',
      durationS: 95,
      loadAverage: { start: 0.2, end: 0.4 },
      plan: ['cold start: 21 processes per bundle'],
    },
    bundles: [
      {
        id: 'post-confirmation',
        label: 'post-confirmation',
        kind: 'app',
        bytes: overrides.appBytes ?? 70_000,
        gzipBytes: 30_000,
        zipBytes: 80_000,
      },
      { id: 'bare', label: 'bare handler', kind: 'reference', bytes: 99_000, gzipBytes: 29_000, zipBytes: 78_000 },
      {
        id: 'plain',
        label: 'plain SDK + console.log',
        kind: 'reference',
        bytes: 100_000,
        gzipBytes: 29_500,
        zipBytes: 79_000,
      },
      {
        id: 'powertools-middy',
        label: 'Powertools Logger + Middy',
        kind: 'reference',
        bytes: 110_000,
        gzipBytes: 32_000,
        zipBytes: 85_000,
      },
    ],
    cold: [
      {
        id: 'post-confirmation',
        label: 'post-confirmation',
        importMs: around(40),
        importCpuMs: around(36),
        processReadyMs: around(70),
        firstInvokeMs: around(20),
        initPlusFirstMs: around(60),
        startToFirstMs: around(90),
      },
      {
        id: 'plain',
        label: 'plain SDK + console.log',
        importMs: around(60),
        importCpuMs: around(55),
        processReadyMs: around(100),
        firstInvokeMs: around(20),
        initPlusFirstMs: around(80),
        startToFirstMs: around(120),
      },
      {
        id: 'powertools-middy',
        label: 'Powertools Logger + Middy',
        importMs: around(60),
        importCpuMs: around(55),
        processReadyMs: around(90),
        firstInvokeMs: around(21),
        initPlusFirstMs: around(81),
        startToFirstMs: around(111),
      },
    ],
    warm: {
      stub: [
        {
          id: 'post-confirmation',
          label: 'post-confirmation',
          perInvocationUs: around(overrides.warmAppUs ?? 10),
          cpuPerInvocationUs: around(overrides.warmAppUs ?? 10),
        },
        { id: 'bare', label: 'bare handler', perInvocationUs: around(2), cpuPerInvocationUs: around(2) },
        { id: 'plain', label: 'plain SDK + console.log', perInvocationUs: around(8), cpuPerInvocationUs: around(8) },
        {
          id: 'powertools-middy',
          label: 'Powertools Logger + Middy',
          perInvocationUs: around(42),
          cpuPerInvocationUs: around(42),
        },
      ],
      ses: [
        {
          id: 'post-confirmation',
          label: 'post-confirmation',
          perInvocationUs: around(1010),
          cpuPerInvocationUs: around(1010),
        },
        { id: 'bare', label: 'bare handler', perInvocationUs: around(1000), cpuPerInvocationUs: around(1000) },
        {
          id: 'plain',
          label: 'plain SDK + console.log',
          perInvocationUs: around(1006),
          cpuPerInvocationUs: around(1006),
        },
        {
          id: 'powertools-middy',
          label: 'Powertools Logger + Middy',
          perInvocationUs: around(1040),
          cpuPerInvocationUs: around(1040),
        },
      ],
    },
    logLines: [
      {
        id: 'trigger-core',
        label: 'trigger-core logger',
        perLineNs: around(overrides.lineNs ?? 2_000),
        cpuPerLineNs: around(overrides.lineNs ?? 2_000),
      },
      {
        id: 'console.log(JSON.stringify)',
        label: 'console.log(JSON.stringify(…))',
        perLineNs: around(2_500),
        cpuPerLineNs: around(2_500),
      },
      { id: 'powertools', label: 'Powertools Logger', perLineNs: around(8_000), cpuPerLineNs: around(8_000) },
      { id: 'pino', label: 'pino', perLineNs: around(2_400), cpuPerLineNs: around(2_400) },
    ],
    builds: [
      {
        id: 'clean',
        label: 'clean build of all apps (turbo run build --force)',
        ms: around(1_000),
        cached: '0 cached, 1 total',
      },
      {
        id: 'no-change',
        label: 'no-change rebuild, turbo run build (cache hit)',
        ms: around(overrides.noChangeMs ?? 100),
        cached: '1 cached, 1 total',
      },
      {
        id: 'no-change-pnpm',
        label: 'no-change rebuild, pnpm build (cache hit)',
        ms: around(overrides.noChangeMs ?? 400),
        cached: '1 cached, 1 total',
      },
      {
        id: 'app-change',
        label: 'rebuild after a one-line change in apps/post-confirmation/src/handler.ts',
        ms: around(1_100),
        cached: '0 cached, 1 total',
      },
      {
        id: 'core-change',
        label: 'rebuild after a one-line change in packages/trigger-core/src/index.ts',
        ms: around(1_100),
        cached: '0 cached, 1 total',
      },
    ],
  };
}
