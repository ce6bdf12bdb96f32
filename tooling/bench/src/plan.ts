import type { BuildPlan } from './build-times';
import type { LogLinePlan, WarmPlan } from './measure';

/**
 * How many samples each part of the benchmark takes.
 *
 * @example
 * const plan: BenchPlan = { ...FULL_PLAN, coldRounds: 31 };
 */
export interface BenchPlan {
  /** Fresh processes per cold-started bundle (issue 7 asks for at least 15). */
  coldRounds: number;
  warmStub: WarmPlan;
  warmSes: WarmPlan;
  logLine: LogLinePlan;
  build: BuildPlan;
}

/**
 * The plan of a real run: about two minutes on two cores.
 *
 * @example
 * measureWarm(subjects, { ...options, plan: FULL_PLAN.warmStub });
 */
export const FULL_PLAN: BenchPlan = {
  coldRounds: 31,
  warmStub: { rounds: 3, warmup: 5_000, samples: 15, iterations: 2_000 },
  warmSes: { rounds: 3, warmup: 300, samples: 15, iterations: 100 },
  logLine: { rounds: 3, warmup: 20_000, samples: 25, lines: 2_000 },
  build: { clean: 3, noChange: 5, appChange: 3, coreChange: 3 },
};

/**
 * A smoke-test plan (`--quick`): every part runs, too few samples to quote.
 *
 * @example
 * const plan = args.includes('--quick') ? QUICK_PLAN : FULL_PLAN;
 */
export const QUICK_PLAN: BenchPlan = {
  coldRounds: 3,
  warmStub: { rounds: 1, warmup: 500, samples: 3, iterations: 200 },
  warmSes: { rounds: 1, warmup: 20, samples: 3, iterations: 20 },
  logLine: { rounds: 1, warmup: 1_000, samples: 3, lines: 500 },
  build: { clean: 1, noChange: 1, appChange: 1, coreChange: 1 },
};

/**
 * The plan in words, for the report's machine table.
 *
 * @example
 * meta.plan = describePlan(FULL_PLAN);
 */
export function describePlan(plan: BenchPlan): string[] {
  const warm = (name: string, warmPlan: WarmPlan) =>
    `warm ${name}: ${warmPlan.rounds} processes × ${warmPlan.samples} batches × ${warmPlan.iterations} invocations per handler`;
  return [
    `cold start: ${plan.coldRounds} processes per bundle`,
    warm('stubbed', plan.warmStub),
    warm('SES', plan.warmSes),
    `log line: ${plan.logLine.rounds} processes × ${plan.logLine.samples} batches × ${plan.logLine.lines} lines per logger`,
    `builds: ${plan.build.clean} clean, ${plan.build.noChange} no-change (each way), ${plan.build.appChange} + ${plan.build.coreChange} after a change`,
  ];
}
