import { formatNumber, formatRatio } from './render';
import type { WarmResult } from './measure';
import { SUBJECT_IDS, type BenchResults } from './results';
import { ratio } from './stats';

/**
 * One target of issues 7 and 12, evaluated on medians of the same run.
 *
 * @example
 * if (target.met === false) console.log(`${target.label}: ${target.measured}`);
 */
export interface TargetResult {
  id: string;
  label: string;
  /** A few words for the summary paragraph. */
  short: string;
  /** The goal as the table states it, e.g. "≤ 1.05× plain SDK". */
  goal: string;
  /** What this run measured, with the numbers the ratio came from. */
  measured: string;
  /** The measured ratio (or time), undefined when a number was missing. */
  value: number | undefined;
  /** Undefined when the run could not measure it, or could not tell (see `note`). */
  met: boolean | undefined;
  /** Why a target is undecided although it was measured. */
  note?: string;
}

const SHORT: Record<string, string> = {
  'bundle-vs-plain': 'bundle vs plain SDK',
  'bundle-vs-powertools': 'bundle vs Powertools + Middy',
  'cold-import': 'cold start (import)',
  'cold-start': 'cold start (process start → first invocation)',
  'warm-overhead-stub': 'warm overhead (send stubbed)',
  'warm-overhead-ses': 'warm overhead (local SES)',
  'log-line': 'log line',
  'rebuild-no-change': 'no-change turbo run build',
  'rebuild-no-change-pnpm': 'no-change pnpm build',
};

function target(
  id: string,
  label: string,
  goal: string,
  value: number | undefined,
  measured: string,
  pass: (value: number) => boolean,
): TargetResult {
  return {
    id,
    label,
    short: SHORT[id] ?? label,
    goal,
    value,
    measured,
    met: value === undefined ? undefined : pass(value),
  };
}

const kib = (bytes: number | undefined) => (bytes === undefined ? '?' : (bytes / 1024).toFixed(1));

/**
 * Evaluates the targets: bundle and cold start against the plain-SDK reference, warm overhead
 * against Powertools + Middy's, the log line against `console.log(JSON.stringify(…))`, and the
 * no-change rebuild against one second. A missing measurement leaves its target undecided.
 *
 * @example
 * const missed = evaluateTargets(results).filter((result) => result.met === false);
 */
export function evaluateTargets(results: Omit<BenchResults, 'meta'>): TargetResult[] {
  const bundle = (id: string) => results.bundles.find((entry) => entry.id === id);
  const cold = (id: string) => results.cold.find((entry) => entry.id === id);
  const app = bundle(SUBJECT_IDS.app);
  const plain = bundle(SUBJECT_IDS.plain);
  const powertools = bundle(SUBJECT_IDS.powertools);
  const targets: TargetResult[] = [];

  const sizeRatio = app && plain ? ratio(app.bytes, plain.bytes) : undefined;
  targets.push(
    target(
      'bundle-vs-plain',
      'post-confirmation bundle vs plain SDK',
      '≤ 0.7×',
      sizeRatio,
      `${formatRatio(sizeRatio)} (${kib(app?.bytes)} vs ${kib(plain?.bytes)} KiB)`,
      (value) => value <= 0.7,
    ),
  );
  const vsPowertools = app && powertools ? ratio(app.bytes, powertools.bytes) : undefined;
  targets.push(
    target(
      'bundle-vs-powertools',
      'post-confirmation bundle vs Powertools + Middy',
      '< 1× (smaller)',
      vsPowertools,
      `${formatRatio(vsPowertools)} (${kib(app?.bytes)} vs ${kib(powertools?.bytes)} KiB)`,
      (value) => value < 1,
    ),
  );

  const appCold = cold(SUBJECT_IDS.app);
  const plainCold = cold(SUBJECT_IDS.plain);
  const importRatio = appCold && plainCold ? ratio(appCold.importMs.median, plainCold.importMs.median) : undefined;
  targets.push(
    target(
      'cold-import',
      'cold start: import to handler, vs plain SDK',
      '≤ 0.75×',
      importRatio,
      `${formatRatio(importRatio)} (${formatNumber(appCold?.importMs.median ?? NaN, 'ms')} vs ${formatNumber(plainCold?.importMs.median ?? NaN, 'ms')}; CPU time ${formatRatio(
        appCold && plainCold ? ratio(appCold.importCpuMs.median, plainCold.importCpuMs.median) : undefined,
      )})`,
      (value) => value <= 0.75,
    ),
  );
  const appFirst = appCold?.startToFirstMs?.median;
  const plainFirst = plainCold?.startToFirstMs?.median;
  const firstRatio = appFirst !== undefined && plainFirst !== undefined ? ratio(appFirst, plainFirst) : undefined;
  targets.push(
    target(
      'cold-start',
      'cold start: process start → import → first invocation, vs plain SDK',
      '≤ 0.75×',
      firstRatio,
      `${formatRatio(firstRatio)} (${formatNumber(appFirst ?? NaN, 'ms')} vs ${formatNumber(plainFirst ?? NaN, 'ms')}${
        // Results from before the CPU figure was taken have none to quote.
        appCold?.startToFirstCpuMs && plainCold?.startToFirstCpuMs
          ? `; CPU time ${formatRatio(ratio(appCold.startToFirstCpuMs.median, plainCold.startToFirstCpuMs.median))}`
          : ''
      })`,
      (value) => value <= 0.75,
    ),
  );

  // Warm overhead and log lines are costs of the code, so they are judged on CPU time: on a shared
  // machine other processes stretch wall time at random, not the CPU time the code itself uses.
  // The wall-clock ratio is quoted beside it, so any disagreement shows.
  for (const mode of ['stub', 'ses'] as const) {
    const warm = (id: string) => results.warm[mode].find((entry) => entry.id === id);
    const bare = warm(SUBJECT_IDS.bare);
    const ours = warm(SUBJECT_IDS.app);
    const theirs = warm(SUBJECT_IDS.powertools);
    const overheads = (pick: (entry: WarmResult) => number) =>
      bare && ours && theirs ? { ours: pick(ours) - pick(bare), theirs: pick(theirs) - pick(bare) } : undefined;
    const cpu = overheads((entry) => entry.cpuPerInvocationUs.median);
    const wall = overheads((entry) => entry.perInvocationUs.median);
    const value = cpu ? ratio(cpu.ours, cpu.theirs) : undefined;
    const result = target(
      `warm-overhead-${mode}`,
      `warm overhead over bare, vs Powertools + Middy (${mode === 'stub' ? 'send stubbed' : 'SES on 127.0.0.1'})`,
      '≤ 0.25× (CPU time)',
      value,
      `${formatRatio(value)} (${formatNumber(cpu?.ours ?? NaN, 'µs')} vs ${formatNumber(cpu?.theirs ?? NaN, 'µs')}; wall clock ${formatRatio(wall ? ratio(wall.ours, wall.theirs) : undefined)})`,
      (ratioValue) => ratioValue <= 0.25,
    );
    // Overheads are differences of two noisy medians; when the larger one is within the spread of
    // the per-invocation times themselves, their ratio says nothing, and the table says so.
    const noise = bare && theirs ? Math.max(bare.cpuPerInvocationUs.iqr, theirs.cpuPerInvocationUs.iqr) : undefined;
    if (cpu && noise !== undefined && cpu.theirs <= noise) {
      result.met = undefined;
      result.note = `inconclusive: Powertools + Middy's overhead (${formatNumber(cpu.theirs, 'µs')}) is within the run's noise (IQR ${formatNumber(noise, 'µs')})`;
    }
    targets.push(result);
  }

  const line = (id: string) => results.logLines.find((entry) => entry.id === id);
  const ourLine = line('trigger-core');
  const consoleLine = line('console.log(JSON.stringify)');
  const lineRatio =
    ourLine && consoleLine ? ratio(ourLine.cpuPerLineNs.median, consoleLine.cpuPerLineNs.median) : undefined;
  const wallLineRatio =
    ourLine && consoleLine ? ratio(ourLine.perLineNs.median, consoleLine.perLineNs.median) : undefined;
  targets.push(
    target(
      'log-line',
      'one log line vs console.log(JSON.stringify(…))',
      '≤ 0.8× (CPU time)',
      lineRatio,
      `${formatRatio(lineRatio)} (${formatNumber((ourLine?.cpuPerLineNs.median ?? NaN) / 1000, 'µs')} vs ${formatNumber((consoleLine?.cpuPerLineNs.median ?? NaN) / 1000, 'µs')}; wall clock ${formatRatio(wallLineRatio)})`,
      (value) => value <= 0.8,
    ),
  );

  for (const id of ['no-change', 'no-change-pnpm'] as const) {
    const build = results.builds.find((entry) => entry.id === id);
    const ms = build?.ms.median;
    targets.push(
      target(
        `rebuild-${id}`,
        id === 'no-change'
          ? 'no-change rebuild of the repo (turbo run build)'
          : 'no-change rebuild of the repo (pnpm build)',
        '< 1 s',
        ms,
        ms === undefined ? 'not measured' : formatNumber(ms, 'ms'),
        (value) => value < 1_000,
      ),
    );
  }
  return targets;
}
