import type { BuildScenario } from './build-times';
import type { ColdResult } from './measure';
import { formatKiB, formatNumber, formatRatio, formatSummary, type Table } from './render';
import { QUIET_SUFFIX, SUBJECT_IDS, type BenchResults } from './results';
import { ratio } from './stats';
import { renderBarChart, type ChartPanel } from './svg';
import type { TargetResult } from './targets';

const BUILD_CHART_LABELS: Record<BuildScenario, string> = {
  clean: 'clean build, all apps',
  'no-change': 'no change: turbo run build',
  'no-change-pnpm': 'no change: pnpm build',
  'app-change': 'one-line change in an app',
  'core-change': 'one-line change in trigger-core',
};

const VERDICT = (target: TargetResult) =>
  target.met === undefined ? (target.note ? '❔ inconclusive' : 'not measured') : target.met ? '✅ met' : '❌ missed';

/**
 * The tables of a run, in the order the report shows them: targets first.
 *
 * @example
 * for (const table of reportTables(results, targets)) console.log(textTable(table));
 */
export function reportTables(results: BenchResults, targets: readonly TargetResult[]): Table[] {
  const plainBundle = results.bundles.find((entry) => entry.id === SUBJECT_IDS.plain);
  const bare = (mode: 'stub' | 'ses') =>
    results.warm[mode].find((entry) => entry.id === SUBJECT_IDS.bare)?.cpuPerInvocationUs.median;
  const consoleLine = results.logLines.find((entry) => entry.id === 'console.log(JSON.stringify)')?.perLineNs.median;
  const consoleCpu = results.logLines.find((entry) => entry.id === 'console.log(JSON.stringify)')?.cpuPerLineNs.median;
  const tables: Table[] = [
    {
      title: 'Targets (medians, as ratios within this run)',
      headers: ['target', 'goal', 'measured', 'result'],
      rows: targets.map((entry) => [entry.label, entry.goal, entry.measured, VERDICT(entry)]),
      notes: targets.filter((entry) => entry.note).map((entry) => `${entry.label}: ${entry.note}.`),
    },
    {
      title: 'Bundle size',
      headers: ['bundle', 'raw', 'gzip -9', 'deployment zip (with source map)', 'raw vs plain SDK'],
      align: ['left', 'right', 'right', 'right', 'right'],
      rows: results.bundles.map((entry) => [
        entry.label,
        formatKiB(entry.bytes),
        formatKiB(entry.gzipBytes),
        formatKiB(entry.zipBytes),
        formatRatio(plainBundle ? ratio(entry.bytes, plainBundle.bytes) : undefined),
      ]),
      notes: [
        "Every bundle starts from the same esbuild options (`BUNDLE_OPTIONS` of `@cognito-triggers/build`), the AWS SDK bundled; the apps add the three Lambda plugins of `triggerBundleOptions()` (built-ins through `require`, `node:zlib` and `node:fs/promises` on demand, environment-only credentials), the references keep the SDK's default credential chain.",
      ],
    },
    coldStartTable(results.cold),
    {
      title: 'Warm invocation on Node 24 (per invocation, in-process)',
      headers: [
        'handler',
        'send stubbed',
        'CPU',
        'CPU overhead over bare',
        'SES on 127.0.0.1',
        'CPU',
        'CPU overhead over bare',
      ],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: results.warm.stub.map((entry) => {
        const ses = results.warm.ses.find((other) => other.id === entry.id);
        const stubBare = bare('stub');
        const sesBare = bare('ses');
        const isBare = entry.id === SUBJECT_IDS.bare;
        return [
          `${entry.label} (n=${entry.perInvocationUs.n})`,
          formatSummary(entry.perInvocationUs, 'µs'),
          formatSummary(entry.cpuPerInvocationUs, 'µs'),
          isBare || stubBare === undefined ? '—' : formatNumber(entry.cpuPerInvocationUs.median - stubBare, 'µs'),
          ses ? formatSummary(ses.perInvocationUs, 'µs') : 'n/a',
          ses ? formatSummary(ses.cpuPerInvocationUs, 'µs') : 'n/a',
          isBare || !ses || sesBare === undefined ? '—' : formatNumber(ses.cpuPerInvocationUs.median - sesBare, 'µs'),
        ];
      }),
      notes: [
        'Each handler decides and sends one e-mail per invocation (checked: sends = invocations); the references write two lines per invocation ("e-mail sent", "invocation finished") and post-confirmation one (its summary line carries the e-mail\'s outcome), all to the same sink (/dev/null). n counts timed batches, each the mean of many invocations. The first two columns of each kind are wall-clock time; CPU is the process\'s user + system time, which other processes on a shared machine do not stretch, and which leaves out the wait for the local SES endpoint. Overheads are CPU-time medians minus the bare handler\'s.',
        ...quietNote(results),
      ],
    },
    {
      title: 'One log line (same line, same /dev/null sink, Node 24)',
      headers: [
        'logger',
        'CPU per line',
        'vs console.log(JSON.stringify(…))',
        'wall clock per line',
        'wall clock vs console.log',
      ],
      align: ['left', 'right', 'right', 'right', 'right'],
      rows: results.logLines.map((entry) => [
        `${entry.label} (n=${entry.perLineNs.n})`,
        formatSummary(entry.cpuPerLineNs, 'µs', 1 / 1000),
        formatRatio(consoleCpu ? ratio(entry.cpuPerLineNs.median, consoleCpu) : undefined),
        formatSummary(entry.perLineNs, 'µs', 1 / 1000),
        formatRatio(consoleLine ? ratio(entry.perLineNs.median, consoleLine) : undefined),
      ]),
    },
    {
      title: 'Build times (wall clock, in a temporary copy of the repo)',
      headers: ['build', 'median', 'min – max', 'runs', 'turbo cache'],
      align: ['left', 'right', 'right', 'right', 'left'],
      rows: results.builds.map((entry) => [
        entry.label,
        formatNumber(entry.ms.median, 'ms'),
        `${formatNumber(entry.ms.min, 'ms')} – ${formatNumber(entry.ms.max, 'ms')}`,
        String(entry.ms.n),
        entry.cached,
      ]),
    },
  ];
  return tables;
}

/**
 * The cold-start table: per subject, import, first invocation and the whole cold start from process
 * start, in wall-clock and CPU time, and the ratio of each to the plain-SDK reference.
 *
 * @example
 * console.log(textTable(coldStartTable(results.cold)));
 */
export function coldStartTable(cold: readonly ColdResult[]): Table {
  const plainCold = cold.find((entry) => entry.id === SUBJECT_IDS.plain);
  const cpuRatio = (entry: ColdResult) =>
    entry.startToFirstCpuMs && plainCold?.startToFirstCpuMs
      ? ratio(entry.startToFirstCpuMs.median, plainCold.startToFirstCpuMs.median)
      : plainCold
        ? ratio(entry.importCpuMs.median, plainCold.importCpuMs.median)
        : undefined;
  return {
    title: 'Cold start on Node 24 (one fresh process per sample)',
    headers: [
      'bundle',
      'import → handler',
      'min – max',
      'import CPU',
      'process start → handler',
      'first invocation (SES on 127.0.0.1)',
      'process start → first invocation',
      'vs plain SDK',
      'process start → first invocation, CPU',
      'CPU vs plain SDK',
    ],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    rows: cold.map((entry) => [
      `${entry.label} (n=${entry.importMs.n})`,
      formatSummary(entry.importMs, 'ms'),
      `${formatNumber(entry.importMs.min, 'ms')} – ${formatNumber(entry.importMs.max, 'ms')}`,
      formatNumber(entry.importCpuMs.median, 'ms'),
      formatSummary(entry.processReadyMs, 'ms'),
      entry.firstInvokeMs ? formatSummary(entry.firstInvokeMs, 'ms') : 'n/a (no scenario)',
      entry.startToFirstMs ? formatSummary(entry.startToFirstMs, 'ms') : 'n/a',
      formatRatio(
        entry.startToFirstMs && plainCold?.startToFirstMs
          ? ratio(entry.startToFirstMs.median, plainCold.startToFirstMs.median)
          : plainCold
            ? ratio(entry.importMs.median, plainCold.importMs.median)
            : undefined,
      ),
      entry.startToFirstCpuMs ? formatSummary(entry.startToFirstCpuMs, 'ms') : 'n/a',
      formatRatio(cpuRatio(entry)),
    ]),
    notes: [
      '"vs plain SDK" compares process start → first invocation where there is one, else the import alone; "CPU vs plain SDK" does the same in CPU time (user + system of the process, which other work on the machine does not stretch). Lambda sets no NODE_OPTIONS by default, so neither does this benchmark (no --enable-source-maps).',
    ],
  };
}

/** What the log-level-ERROR diagnostics say: how much of each overhead is the wrapper, how much the lines. */
function quietNote(results: BenchResults): string[] {
  const stub = (id: string) => results.warm.stub.find((entry) => entry.id === id)?.cpuPerInvocationUs.median;
  const bare = stub(SUBJECT_IDS.bare);
  if (bare === undefined) return [];
  const parts: string[] = [];
  for (const [id, name] of [
    [SUBJECT_IDS.app, 'trigger-core'],
    [SUBJECT_IDS.powertools, 'Powertools + Middy'],
  ] as const) {
    const loud = stub(id);
    const quiet = stub(`${id}${QUIET_SUFFIX}`);
    if (loud === undefined || quiet === undefined) continue;
    parts.push(
      `${name} ${formatNumber(quiet - bare, 'µs')} without its lines and ${formatNumber(loud - quiet, 'µs')} for its lines`,
    );
  }
  return parts.length > 0
    ? [`With logging at ERROR (no line written) the CPU overhead, send stubbed, splits into: ${parts.join('; ')}.`]
    : [];
}

/**
 * The chart's panels: one per comparison, the project's own bars highlighted.
 *
 * @example
 * renderBarChart('Benchmarks', subtitle, chartPanels(results));
 */
export function chartPanels(results: BenchResults): ChartPanel[] {
  const ours = (id: string) => results.bundles.find((entry) => entry.id === id.split(':')[0])?.kind === 'app';
  const panels: ChartPanel[] = [
    {
      title: 'Bundle size, raw (KiB, smaller is better)',
      bars: results.bundles.map((entry) => ({
        label: entry.label,
        value: entry.bytes / 1024,
        display: formatKiB(entry.bytes),
        highlight: entry.kind === 'app',
      })),
    },
    {
      title: 'Cold start: process start → first invocation (median ms, smaller is better)',
      bars: results.cold
        .filter((entry) => entry.startToFirstMs)
        .map((entry) => ({
          label: entry.label,
          value: entry.startToFirstMs?.median ?? 0,
          display: formatNumber(entry.startToFirstMs?.median ?? 0, 'ms'),
          highlight: ours(entry.id),
        })),
    },
  ];
  const bare = results.warm.stub.find((entry) => entry.id === SUBJECT_IDS.bare)?.cpuPerInvocationUs.median;
  if (bare !== undefined) {
    panels.push({
      title: 'Warm overhead over a bare handler, send stubbed (median CPU µs, smaller is better)',
      bars: results.warm.stub
        .filter((entry) => entry.id !== SUBJECT_IDS.bare)
        .map((entry) => ({
          label: entry.label,
          value: entry.cpuPerInvocationUs.median - bare,
          display: formatNumber(entry.cpuPerInvocationUs.median - bare, 'µs'),
          highlight: ours(entry.id),
        })),
    });
  }
  panels.push(
    {
      title: 'One log line to /dev/null (median CPU µs, smaller is better)',
      bars: results.logLines.map((entry) => ({
        label: entry.label,
        value: entry.cpuPerLineNs.median / 1000,
        display: formatNumber(entry.cpuPerLineNs.median / 1000, 'µs'),
        highlight: entry.id === 'trigger-core',
      })),
    },
    {
      title: 'Build times (median ms, smaller is better)',
      bars: results.builds.map((entry) => ({
        label: BUILD_CHART_LABELS[entry.id],
        value: entry.ms.median,
        display: formatNumber(entry.ms.median, 'ms'),
        highlight: true,
      })),
    },
  );
  return panels;
}

/**
 * The chart as an SVG document.
 *
 * @example
 * await writeFile('docs/benchmarks.svg', renderChart(results));
 */
export function renderChart(results: BenchResults): string {
  const { meta } = results;
  return renderBarChart(
    'Cognito triggers: benchmarks',
    `${meta.date.slice(0, 10)} · ${meta.cpu}, ${meta.cores} cores · bundles on Node ${meta.lambdaNode}`,
    chartPanels(results),
  );
}
