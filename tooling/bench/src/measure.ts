import { dirname } from 'node:path';
import type { SesFaultProxy } from '@cognito-triggers/local-stack';
import { lambdaEnvironment, rotate, runWorkload } from './child';
import { summarize, type Summary } from './stats';
import { LOG_LINE_LABELS, type LogLineVariant } from './workloads/names';

/**
 * What a subject needs to be invoked: an event it handles and the configuration it reads.
 *
 * @example
 * const scenario: Scenario = { event: triggerEvent('PostConfirmation_ConfirmSignUp'), environment: { EMAIL_FROM: 'hello@acme.example' } };
 */
export interface Scenario {
  event: unknown;
  environment: Readonly<Record<string, string>>;
}

/**
 * Something the benchmark measures: an app's bundle or a reference implementation.
 *
 * @example
 * const subject: Subject = { id: 'plain', label: 'plain SDK + console.log', kind: 'reference', functionName: 'post-confirmation', bundlePath };
 */
export interface Subject {
  id: string;
  label: string;
  kind: 'app' | 'reference';
  functionName: string;
  /** The bundle with the real SDK, as deployed. */
  bundlePath: string;
  /** The same code built with the SES send stubbed; only for subjects with a scenario. */
  stubBundlePath?: string;
  /** Without one, only the import is measured (no event is known for the app yet). */
  scenario?: Scenario;
}

/**
 * Cold-start timings of one subject, in milliseconds.
 *
 * @example
 * for (const entry of results.cold) console.log(entry.label, formatSummary(entry.importMs, 'ms'));
 */
export interface ColdResult {
  id: string;
  label: string;
  /** `import()` of the bundle until the handler is in hand. */
  importMs: Summary;
  /** CPU time (user + system, all threads) of that import. */
  importCpuMs: Summary;
  /** Process start (Node's time origin) until the handler is in hand. */
  processReadyMs: Summary;
  /** The first invocation, SES answered on 127.0.0.1; absent without a scenario. */
  firstInvokeMs?: Summary;
  /** Import plus first invocation, per process. */
  initPlusFirstMs?: Summary;
  /** Process start (Node's time origin) until the first invocation returned, per process: the whole cold start. */
  startToFirstMs?: Summary;
  /** CPU time (user + system, all threads) of the first invocation. */
  firstInvokeCpuMs?: Summary;
  /**
   * CPU time (user + system, all threads) of the process from its start until the first invocation
   * returned: the cold start's own work, which other processes on a shared machine do not stretch.
   */
  startToFirstCpuMs?: Summary;
}

/**
 * Measures cold starts: each sample is a fresh Node 24 process that imports the bundle, takes the
 * handler and, given a scenario, invokes it once against the local SES endpoint. Subjects take
 * turns round by round; one unrecorded process per subject first warms the file cache.
 *
 * @example
 * const results = await measureColdStarts(subjects, { probe, ses, rounds: 21 });
 */
export async function measureColdStarts(
  subjects: readonly Subject[],
  options: { probe: string; ses: SesFaultProxy; rounds: number; onProgress?: (line: string) => void },
): Promise<ColdResult[]> {
  type Sample = {
    importMs: number;
    importCpuMs: number;
    processReadyMs: number;
    firstInvokeMs?: number;
    firstInvokeCpuMs?: number;
    startToFirstCpuMs?: number;
  };
  const samples = new Map<string, Sample[]>(subjects.map((subject) => [subject.id, []]));
  const runOne = async (subject: Subject): Promise<Sample> => {
    const before = options.ses.counts().requests;
    const sample = await runWorkload<Sample>(
      options.probe,
      [subject.bundlePath, subject.scenario ? JSON.stringify(subject.scenario.event) : '', subject.functionName],
      {
        cwd: dirname(subject.bundlePath),
        env: lambdaEnvironment(subject.functionName, subject.bundlePath, {
          ...subject.scenario?.environment,
          AWS_ENDPOINT_URL_SES: options.ses.endpoint,
        }),
        timeoutMs: 30_000,
      },
    );
    const sent = options.ses.counts().requests - before;
    if (subject.scenario && sent !== 1)
      throw new Error(`${subject.label}: the first invocation made ${sent} SES requests, expected 1`);
    return sample;
  };
  for (const subject of subjects) await runOne(subject);
  for (let round = 0; round < options.rounds; round++) {
    for (const subject of rotate(subjects, round)) samples.get(subject.id)?.push(await runOne(subject));
    options.onProgress?.(`cold start: round ${round + 1}/${options.rounds}`);
  }
  return subjects.map((subject) => {
    const list = samples.get(subject.id) ?? [];
    const defined = (pick: (sample: Sample) => number | undefined) =>
      list.map(pick).filter((ms): ms is number => ms !== undefined);
    const first = defined((sample) => sample.firstInvokeMs);
    return {
      id: subject.id,
      label: subject.label,
      importMs: summarize(list.map((sample) => sample.importMs)),
      importCpuMs: summarize(list.map((sample) => sample.importCpuMs)),
      processReadyMs: summarize(list.map((sample) => sample.processReadyMs)),
      ...(first.length > 0
        ? {
            firstInvokeMs: summarize(first),
            initPlusFirstMs: summarize(list.map((sample) => sample.importMs + (sample.firstInvokeMs ?? 0))),
            startToFirstMs: summarize(list.map((sample) => sample.processReadyMs + (sample.firstInvokeMs ?? 0))),
            firstInvokeCpuMs: summarize(defined((sample) => sample.firstInvokeCpuMs)),
            startToFirstCpuMs: summarize(defined((sample) => sample.startToFirstCpuMs)),
          }
        : {}),
    };
  });
}

/**
 * How one warm scenario is run: per process, a warm-up and `samples` timed batches of `iterations`.
 *
 * @example
 * const plan: WarmPlan = { rounds: 3, warmup: 5_000, samples: 15, iterations: 2_000 };
 */
export interface WarmPlan {
  rounds: number;
  warmup: number;
  samples: number;
  iterations: number;
}

/**
 * Warm per-invocation timings of one subject, in microseconds.
 *
 * @example
 * const overhead = ours.cpuPerInvocationUs.median - bare.cpuPerInvocationUs.median;
 */
export interface WarmResult {
  id: string;
  label: string;
  perInvocationUs: Summary;
  /** CPU time (user + system, all threads) per invocation: less disturbed by other processes. */
  cpuPerInvocationUs: Summary;
}

/**
 * Measures warm invocations: each subject runs in its own Node 24 process (so no subject's JIT
 * state helps or hinders another), a warm-up and then timed batches of sequential invocations;
 * processes alternate between subjects over `rounds`. With `mode: 'ses'` every send goes to the
 * local SES endpoint; with `'stub'` the stubbed builds are used. Checks that each invocation sent
 * exactly one e-mail, so that every subject did the same work.
 *
 * @example
 * const results = await measureWarm(subjects, { script, ses, mode: 'stub', plan });
 */
export async function measureWarm(
  subjects: readonly Subject[],
  options: {
    script: string;
    ses: SesFaultProxy;
    mode: 'ses' | 'stub';
    plan: WarmPlan;
    onProgress?: (line: string) => void;
  },
): Promise<WarmResult[]> {
  const samples = new Map<string, number[]>(subjects.map((subject) => [subject.id, []]));
  const cpuSamples = new Map<string, number[]>(subjects.map((subject) => [subject.id, []]));
  for (let round = 0; round < options.plan.rounds; round++) {
    for (const subject of rotate(subjects, round)) {
      const bundlePath = options.mode === 'stub' ? subject.stubBundlePath : subject.bundlePath;
      if (!bundlePath || !subject.scenario)
        throw new Error(`${subject.label}: no ${options.mode} bundle or scenario for the warm benchmark`);
      const before = options.ses.counts().requests;
      const result = await runWorkload<{
        samplesUs: number[];
        cpuSamplesUs: number[];
        invocations: number;
        stubSends?: number;
      }>(
        options.script,
        [
          bundlePath,
          JSON.stringify({
            event: subject.scenario.event,
            functionName: subject.functionName,
            warmup: options.plan.warmup,
            samples: options.plan.samples,
            iterations: options.plan.iterations,
          }),
        ],
        {
          cwd: dirname(bundlePath),
          env: lambdaEnvironment(subject.functionName, bundlePath, {
            ...subject.scenario.environment,
            AWS_ENDPOINT_URL_SES: options.ses.endpoint,
          }),
          timeoutMs: 300_000,
        },
      );
      const sent = options.mode === 'stub' ? (result.stubSends ?? 0) : options.ses.counts().requests - before;
      if (sent !== result.invocations) {
        throw new Error(
          `${subject.label} (${options.mode}): ${result.invocations} invocations sent ${sent} e-mails; every variant must send one per invocation`,
        );
      }
      samples.get(subject.id)?.push(...result.samplesUs);
      cpuSamples.get(subject.id)?.push(...result.cpuSamplesUs);
    }
    options.onProgress?.(`warm (${options.mode}): round ${round + 1}/${options.plan.rounds}`);
  }
  return subjects.map((subject) => ({
    id: subject.id,
    label: subject.label,
    perInvocationUs: summarize(samples.get(subject.id) ?? []),
    cpuPerInvocationUs: summarize(cpuSamples.get(subject.id) ?? []),
  }));
}

/**
 * How the log-line benchmark is run, per process.
 *
 * @example
 * const plan: LogLinePlan = { rounds: 3, warmup: 20_000, samples: 25, lines: 2_000 };
 */
export interface LogLinePlan {
  rounds: number;
  warmup: number;
  samples: number;
  lines: number;
}

/**
 * One logger's cost per line, in nanoseconds.
 *
 * @example
 * const consoleLine = results.logLines.find((entry) => entry.id === 'console.log(JSON.stringify)')?.perLineNs.median;
 */
export interface LogLineResult {
  id: LogLineVariant;
  label: string;
  perLineNs: Summary;
  /** CPU time (user + system) per line. */
  cpuPerLineNs: Summary;
}

/**
 * Measures one log line per logger, each logger in its own Node 24 process writing to /dev/null,
 * processes alternating between loggers over `rounds`.
 *
 * @example
 * const results = await measureLogLines({ script, plan: { rounds: 3, warmup: 20_000, samples: 25, lines: 2_000 } });
 */
export async function measureLogLines(options: {
  script: string;
  plan: LogLinePlan;
  cwd: string;
  onProgress?: (line: string) => void;
}): Promise<LogLineResult[]> {
  const variants = Object.keys(LOG_LINE_LABELS) as LogLineVariant[];
  const samples = new Map<LogLineVariant, number[]>(variants.map((variant) => [variant, []]));
  const cpuSamples = new Map<LogLineVariant, number[]>(variants.map((variant) => [variant, []]));
  const { rounds, ...perProcess } = options.plan;
  for (let round = 0; round < rounds; round++) {
    for (const variant of rotate(variants, round)) {
      const result = await runWorkload<{ samplesNs: number[]; cpuSamplesNs: number[] }>(
        options.script,
        [variant, JSON.stringify(perProcess)],
        {
          cwd: options.cwd,
          env: lambdaEnvironment('post-confirmation', options.script),
          timeoutMs: 120_000,
        },
      );
      samples.get(variant)?.push(...result.samplesNs);
      cpuSamples.get(variant)?.push(...result.cpuSamplesNs);
    }
    options.onProgress?.(`log line: round ${round + 1}/${rounds}`);
  }
  return variants.map((variant) => ({
    id: variant,
    label: LOG_LINE_LABELS[variant],
    perLineNs: summarize(samples.get(variant) ?? []),
    cpuPerLineNs: summarize(cpuSamples.get(variant) ?? []),
  }));
}
