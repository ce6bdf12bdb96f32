import type { BuildScenario } from './build-times';
import { formatKiB, formatNumber, formatRatio, formatSummary, markdownTable, textTable, type Table } from './render';
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
  const plainCold = results.cold.find((entry) => entry.id === SUBJECT_IDS.plain);
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
        'Every bundle is built with the same esbuild options (`BUNDLE_OPTIONS` of `@cognito-triggers/build`), the AWS SDK bundled.',
      ],
    },
    {
      title: 'Cold start on Node 24 (one fresh process per sample)',
      headers: [
        'bundle',
        'import → handler',
        'min – max',
        'import CPU',
        'process start → handler',
        'first invocation (SES on 127.0.0.1)',
        'import + first invocation',
        'vs plain SDK',
      ],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows: results.cold.map((entry) => [
        `${entry.label} (n=${entry.importMs.n})`,
        formatSummary(entry.importMs, 'ms'),
        `${formatNumber(entry.importMs.min, 'ms')} – ${formatNumber(entry.importMs.max, 'ms')}`,
        formatNumber(entry.importCpuMs.median, 'ms'),
        formatSummary(entry.processReadyMs, 'ms'),
        entry.firstInvokeMs ? formatSummary(entry.firstInvokeMs, 'ms') : 'n/a (no scenario)',
        entry.initPlusFirstMs ? formatSummary(entry.initPlusFirstMs, 'ms') : 'n/a',
        formatRatio(
          entry.initPlusFirstMs && plainCold?.initPlusFirstMs
            ? ratio(entry.initPlusFirstMs.median, plainCold.initPlusFirstMs.median)
            : plainCold
              ? ratio(entry.importMs.median, plainCold.importMs.median)
              : undefined,
        ),
      ]),
      notes: [
        '"vs plain SDK" compares import + first invocation where there is one, else the import alone. Lambda sets no NODE_OPTIONS by default, so neither does this benchmark (no --enable-source-maps).',
      ],
    },
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
 * The paragraph the README quotes: what the numbers mean, with the numbers, and which targets this
 * run met or missed.
 *
 * @example
 * const paragraph = summaryParagraph(results, targets);
 */
export function summaryParagraph(results: BenchResults, targets: readonly TargetResult[]): string {
  const bundle = (id: string) => results.bundles.find((entry) => entry.id === id);
  const cold = (id: string) => results.cold.find((entry) => entry.id === id);
  const warm = (id: string) => results.warm.stub.find((entry) => entry.id === id)?.cpuPerInvocationUs.median;
  const ses = (id: string) => results.warm.ses.find((entry) => entry.id === id)?.perInvocationUs.median;
  const line = (id: string) => results.logLines.find((entry) => entry.id === id)?.cpuPerLineNs.median;
  const app = bundle(SUBJECT_IDS.app);
  const plain = bundle(SUBJECT_IDS.plain);
  const powertools = bundle(SUBJECT_IDS.powertools);
  const appCold = cold(SUBJECT_IDS.app);
  const plainCold = cold(SUBJECT_IDS.plain);
  const bare = warm(SUBJECT_IDS.bare);
  const ours = warm(SUBJECT_IDS.app);
  const theirs = warm(SUBJECT_IDS.powertools);
  const sesOurs = ses(SUBJECT_IDS.app);
  const noChange = results.builds.find((entry) => entry.id === 'no-change-pnpm')?.ms.median;
  const met = targets.filter((entry) => entry.met === true).length;
  const missed = targets.filter((entry) => entry.met === false);
  const undecided = targets.filter((entry) => entry.met === undefined);
  const sentences: string[] = [];
  if (app && plain && powertools) {
    sentences.push(
      `post-confirmation's bundle is ${formatKiB(app.bytes)}, ${formatRatio(ratio(app.bytes, plain.bytes))} a plain-SDK handler's and ${formatRatio(ratio(app.bytes, powertools.bytes))} a Powertools + Middy one's: the AWS SDK is almost all of every bundle, and trigger-core adds ${formatKiB(app.bytes - plain.bytes)}.`,
    );
  }
  if (appCold && plainCold) {
    sentences.push(
      `A cold start on Node 24 imports it in ${formatNumber(appCold.importMs.median, 'ms')} (plain SDK: ${formatNumber(plainCold.importMs.median, 'ms')})${
        appCold.firstInvokeMs
          ? ` and the first invocation, e-mail sent to a local SES, takes ${formatNumber(appCold.firstInvokeMs.median, 'ms')} more`
          : ''
      }.`,
    );
  }
  if (ours !== undefined && bare !== undefined && theirs !== undefined) {
    sentences.push(
      `Warm, trigger-core's wrapper and logger cost ${formatNumber(ours - bare, 'µs')} of CPU per invocation over a bare handler, against ${formatNumber(theirs - bare, 'µs')} for Powertools + Middy${
        sesOurs !== undefined
          ? `, both small next to the ${formatNumber(sesOurs / 1000, 'ms')} an SES call takes even on loopback`
          : ''
      }.`,
    );
  }
  const ourLine = line('trigger-core');
  const consoleLine = line('console.log(JSON.stringify)');
  if (ourLine !== undefined && consoleLine !== undefined) {
    sentences.push(
      `A log line costs ${formatNumber(ourLine / 1000, 'µs')} of CPU, ${formatRatio(ratio(ourLine, consoleLine))} \`console.log(JSON.stringify(…))\`, with personal data scrubbed.`,
    );
  }
  if (noChange !== undefined)
    sentences.push(`A no-change \`pnpm build\` returns from turbo's cache in ${formatNumber(noChange, 'ms')}.`);
  const describe = (entry: TargetResult) =>
    `${entry.short} ${entry.measured.replace(/ \(.*\)$/, '')}, goal ${entry.goal}`;
  sentences.push(
    missed.length === 0 && undecided.length === 0
      ? `All ${met} targets are met.`
      : `Targets: ${met} of ${targets.length} met${missed.length > 0 ? `; missed: ${missed.map(describe).join('; ')}` : ''}${
          undecided.length > 0
            ? `; undecided: ${undecided.map((entry) => `${entry.short} (${entry.note ? 'within noise' : 'not measured'})`).join('; ')}`
            : ''
        }.`,
  );
  return sentences.join(' ');
}

/**
 * The chart's panels: one per comparison, the project's own bars highlighted.
 *
 * @example
 * renderBarChart('Benchmarks', subtitle, chartPanels(results));
 */
export function chartPanels(results: BenchResults): ChartPanel[] {
  const ours = (id: string) =>
    results.bundles.find((entry) => entry.id === id.replace(QUIET_SUFFIX, ''))?.kind === 'app';
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
      title: 'Cold start: import + first invocation (median ms, smaller is better)',
      bars: results.cold
        .filter((entry) => entry.initPlusFirstMs)
        .map((entry) => ({
          label: entry.label,
          value: entry.initPlusFirstMs?.median ?? 0,
          display: `${formatNumber(entry.importMs.median, 'ms')} + ${formatNumber(entry.firstInvokeMs?.median ?? 0, 'ms')}`,
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

/**
 * The whole `docs/benchmarks.md`: the README paragraph, the run's machine and versions, the chart
 * and every table, and how the numbers were taken.
 *
 * @example
 * await writeFile('docs/benchmarks.md', renderMarkdown(results, evaluateTargets(results)));
 */
export function renderMarkdown(results: BenchResults, targets: readonly TargetResult[]): string {
  const { meta } = results;
  const sections = [
    '# Benchmarks',
    '',
    summaryParagraph(results, targets),
    '',
    `Generated by \`pnpm bench\` (tooling/bench) on ${meta.date}. Timings are reported, never asserted in tests; only sizes are budgeted in CI (each app's \`package\` script fails over its \`--max-zip-kib\`).`,
    '',
    '| machine | |',
    '| :-- | :-- |',
    `| CPU | ${meta.cpu}, ${meta.cores} cores |`,
    `| memory | ${meta.memoryGiB} GiB |`,
    `| OS | ${meta.os} |`,
    `| Node (bundles, as on nodejs24.x) | ${meta.lambdaNode} |`,
    `| Node (benchmark, builds) | ${meta.hostNode} |`,
    `| turbo · esbuild · pnpm | ${meta.turbo} · ${meta.esbuild} · ${meta.pnpm} |`,
    `| run time | ${meta.durationS.toFixed(0)} s |`,
    `| load average (1 min) at start · end | ${meta.loadAverage.start.toFixed(2)} · ${meta.loadAverage.end.toFixed(2)} on ${meta.cores} cores |`,
    `| samples | ${meta.plan.join('; ')} |`,
    '',
    ...(busy(results)
      ? [
          `> Other work kept this machine busy during the run (1-minute load average ${meta.loadAverage.start.toFixed(1)} at start, ${meta.loadAverage.end.toFixed(1)} at end, on ${meta.cores} cores), so timings are slower and noisier than on an idle machine; ratios within the run are still comparable.`,
          '',
        ]
      : []),
    '![Benchmarks chart](benchmarks.svg)',
    '',
    ...reportTables(results, targets).map(markdownTable),
    '## How it is measured',
    '',
    "- **Subjects.** `post-confirmation` is the app as built by `pnpm build`. The references live in `tooling/bench/src/reference/` only and share the app's pure e-mail logic (`decideEmail`, `parseMailbox`), so what differs is the scaffolding: *bare* decides and sends with no logging; *plain SDK* adds two `console.log(JSON.stringify(…))` lines; *Powertools + Middy* uses `@aws-lambda-powertools/logger` with `injectLambdaContext` and an `onError` fail-open middleware on `@middy/core`, logging the same two lines. References are built without any trigger-core code (its two helpers the e-mail logic uses are replaced by two lines of their own).",
    '- **Cold start.** Each sample is a fresh Node 24 process with the Lambda environment and no `NODE_OPTIONS`; it times `import()` of the bundle until the handler is in hand, then one invocation whose SES call goes to a local endpoint on 127.0.0.1. Subjects take turns, round by round, after one unrecorded process each. Real Lambda adds its own sandbox start-up on top, the same for every subject.',
    "- **Warm.** Each subject runs in its own Node 24 process (stdout on /dev/null): a warm-up, then timed batches of sequential invocations; processes alternate between subjects over several rounds. *Send stubbed* swaps `@aws-sdk/client-ses` for a stub at bundle time, so it times only the code around the send; *SES on 127.0.0.1* makes the real SDK call to a local endpoint, whose round trip and its variance dwarf the difference between the variants. Overhead is a variant's median minus the bare handler's, in CPU time (user + system of the child process, from `process.cpuUsage()`): on a shared machine other processes stretch wall time at random but not the CPU time the code uses, and with SES in the loop CPU time leaves out the wait for the endpoint. Wall-clock times are shown beside it.",
    '- **Log line.** One line with the same content (level, message, ISO timestamp, service, six context fields, three fields) per logger, each in its own process writing synchronously to /dev/null. pino is configured for that shape (label level, `message` key, ISO time). trigger-core also scrubs e-mail addresses and phone numbers from every string and redacts personal field names; the others do not. Judged on CPU time, as the warm overhead is.',
    "- **Builds.** In a temporary copy of the repository with its own git history and turbo cache (the working tree and the shared cache are never touched), after one untimed warm-up build; turbo's telemetry and update check are off. The one-line changes append a comment line, which turbo sees as a change like any other.",
    '- **Spread.** IQR is the interquartile range. Ratios use medians of the same run. Do not compare numbers across machines; compare ratios.',
    '',
  ];
  return sections.join('\n');
}

/**
 * True when other work loaded the machine during the run enough to matter: a load above half the
 * cores before the run, or, at its end, above what the run itself adds (a parent and one child).
 */
function busy(results: BenchResults): boolean {
  const { loadAverage, cores } = results.meta;
  return loadAverage.start > cores / 2 || loadAverage.end > cores + 1;
}

/**
 * The report for the terminal.
 *
 * @example
 * console.log(renderText(results, targets));
 */
export function renderText(results: BenchResults, targets: readonly TargetResult[]): string {
  const { loadAverage, cores } = results.meta;
  const load = `load average (1 min) ${loadAverage.start.toFixed(2)} at start, ${loadAverage.end.toFixed(2)} at end, on ${cores} cores${busy(results) ? ': the machine was busy, timings are noisy' : ''}`;
  return [summaryParagraph(results, targets), '', load, '', ...reportTables(results, targets).map(textTable)].join(
    '\n',
  );
}
