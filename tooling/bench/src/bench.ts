import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { arch, cpus, loadavg, release, totalmem, type } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { node24Binary } from '@cognito-triggers/lambda-runtime';
import { startSesFaultProxy } from '@cognito-triggers/local-stack';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import { version as esbuildVersion } from 'esbuild';
import { measureBuildTimes } from './build-times';
import { bundleEntry, bundleWorkloads, REFERENCES, type ReferenceId } from './builds';
import { compileCacheEntries, compileCacheVariant } from './compile-cache';
import { measureColdStarts, measureLogLines, measureWarm, type Subject } from './measure';
import { parseParts, runParts } from './parts';
import { describePlan, FULL_PLAN, QUICK_PLAN } from './plan';
import { discoverApps } from './repo';
import { renderMarkdown, renderText } from './documents';
import { coldStartTable, renderChart } from './report';
import { textTable } from './render';
import { COMPILE_CACHE_SUFFIX, QUIET_SUFFIX, SUBJECT_IDS, type BenchResults, type BundleResult } from './results';
import { SCENARIOS } from './scenarios';
import { SENDER_APP, startSenderScenario } from './sender-scenario';
import { measureFile } from './sizes';
import { evaluateTargets } from './targets';

const exec = promisify(execFile);

/** Turns the lines off for trigger-core (`LOG_LEVEL`) and Powertools (`POWERTOOLS_LOG_LEVEL`). */
const QUIET_ENVIRONMENT = { LOG_LEVEL: 'ERROR', POWERTOOLS_LOG_LEVEL: 'ERROR' } as const;

async function versionOf(command: string, args: readonly string[]): Promise<string> {
  try {
    return (await exec(command, [...args])).stdout.trim().replace(/^v/, '');
  } catch {
    return 'unknown';
  }
}

/**
 * Rewrites `docs/benchmarks.md` and `.svg` from the last full run's `dist/results.json`, for a
 * change to the report's wording or layout that needs no new measurement.
 */
async function renderOnly(): Promise<number> {
  const root = findWorkspaceRoot(import.meta.dirname);
  const source = join(root, 'tooling', 'bench', 'dist', 'results.json');
  try {
    const { results } = JSON.parse(await readFile(source, 'utf8')) as { results: BenchResults };
    const targets = evaluateTargets(results);
    await writeFile(join(root, 'docs', 'benchmarks.md'), renderMarkdown(results, targets));
    await writeFile(join(root, 'docs', 'benchmarks.svg'), renderChart(results));
    console.log(
      `bench: rendered docs/benchmarks.md and benchmarks.svg from ${relative(root, source)} (run of ${results.meta.date})`,
    );
    return 0;
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

/** Reads `--name value` (or `--name=value`) from the command line. */
function optionValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

/**
 * The end of a `--only cold` run: the size and cold-start targets and the cold-start table on the
 * terminal, the numbers in `tooling/bench/dist/cold/results.json`; `docs/` is left alone, since it
 * shows full runs only.
 */
async function reportColdOnly(run: {
  bundles: BundleResult[];
  cold: BenchResults['cold'];
  distDir: string;
  root: string;
  startedAt: number;
  loadAtStart: number;
}): Promise<number> {
  const results = { bundles: run.bundles, cold: run.cold };
  const targets = evaluateTargets({ ...results, warm: { stub: [], ses: [] }, logLines: [], builds: [] }).filter(
    (entry) => entry.id.startsWith('bundle-') || entry.id.startsWith('cold-'),
  );
  const load = `load average (1 min) ${run.loadAtStart.toFixed(2)} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end, on ${cpus().length} cores`;
  console.log(
    `\n${[
      load,
      '',
      textTable({
        title: 'Targets (medians, as ratios within this run)',
        headers: ['target', 'goal', 'measured'],
        rows: targets.map((entry) => [entry.label, entry.goal, entry.measured]),
      }),
      textTable(coldStartTable(run.cold)),
    ].join('\n')}`,
  );
  const outFile = join(run.distDir, 'cold', 'results.json');
  await mkdir(dirname(outFile), { recursive: true });
  await writeFile(outFile, `${JSON.stringify({ results, targets }, null, 2)}\n`);
  console.log(
    `bench: wrote ${relative(run.root, outFile)} in ${((Date.now() - run.startedAt) / 1000).toFixed(0)} s (docs/ untouched: it shows full runs)`,
  );
  return 0;
}

/**
 * `pnpm bench`: sizes, cold starts, warm overhead, log lines and build times of the apps against
 * the references, in one run. Prints the tables and writes `docs/benchmarks.md` and
 * `docs/benchmarks.svg` (with `--quick`: a smoke run written to `tooling/bench/dist/quick/`; with
 * `--render-only`: no measuring, the docs rewritten from the last run's results; with
 * `--only warm,log`: just those parts, printed, the docs left alone, see `./parts`; with `--only cold`:
 * sizes and cold starts only, printed and written to `tooling/bench/dist/cold/results.json`, the
 * docs untouched; `--rounds N` there sets the processes per bundle).
 *
 * @example
 * // tooling/bench/package.json
 * { "scripts": { "bench": "node bin/bench.mjs" } }
 */
export async function main(args: readonly string[]): Promise<number> {
  if (args.includes('--render-only')) return renderOnly();
  const quick = args.includes('--quick');
  const only = optionValue(args, '--only');
  if (only !== undefined && only !== 'cold') {
    try {
      return await runParts(parseParts(only), quick ? QUICK_PLAN : FULL_PLAN);
    } catch (error) {
      console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
  }
  const rounds = optionValue(args, '--rounds');
  if (rounds !== undefined && (only !== 'cold' || !/^[1-9][0-9]*$/.test(rounds))) {
    console.error('bench: --rounds N (a positive integer) goes with --only cold');
    return 1;
  }
  const plan = { ...(quick ? QUICK_PLAN : FULL_PLAN), ...(rounds ? { coldRounds: Number(rounds) } : {}) };
  const startedAt = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const root = findWorkspaceRoot(import.meta.dirname);
  const distDir = join(root, 'tooling', 'bench', 'dist');
  const coldOnly = only === 'cold';
  const outDir = quick ? join(distDir, 'quick') : join(root, 'docs');
  const progress = (line: string) => console.log(`bench: ${line}`);

  try {
    const apps = discoverApps(root);
    const missing = apps.filter((app) => !existsSync(app.bundlePath));
    if (missing.length > 0) {
      throw new Error(
        `not built: ${missing.map((app) => relative(root, app.bundlePath)).join(', ')}; run pnpm build (turbo builds them before bench)`,
      );
    }
    const reference = apps.find((app) => app.name === SUBJECT_IDS.app);
    const referenceScenario = SCENARIOS[SUBJECT_IDS.app];
    if (!reference || !referenceScenario)
      throw new Error(`the references re-implement apps/${SUBJECT_IDS.app}, which is missing`);

    progress('bundling references, stubbed variants and workloads');
    const referenceIds = Object.keys(REFERENCES) as ReferenceId[];
    const [references, stubs, appStub, workloads] = await Promise.all([
      Promise.all(
        referenceIds.map((id) =>
          bundleEntry(REFERENCES[id].entry, join(distDir, 'reference', id), { withoutTriggerCore: true }),
        ),
      ),
      Promise.all(
        referenceIds.map((id) =>
          bundleEntry(REFERENCES[id].entry, join(distDir, 'stub', id), { withoutTriggerCore: true, stubSes: true }),
        ),
      ),
      bundleEntry(join(reference.dir, 'src', 'handler.ts'), join(distDir, 'stub', reference.name), {
        stubSes: true,
        asTrigger: true,
        absWorkingDir: reference.dir,
      }),
      bundleWorkloads(join(distDir, 'workloads')),
    ]);

    const appSubjects: Subject[] = apps.map((app) => {
      const scenario = SCENARIOS[app.name];
      return {
        id: app.name,
        label: app.name,
        kind: 'app',
        functionName: app.name,
        bundlePath: app.bundlePath,
        ...(app.name === reference.name ? { stubBundlePath: appStub.bundlePath } : {}),
        ...(scenario ? { scenario } : {}),
      };
    });
    const referenceSubjects: Subject[] = referenceIds.map((id, index) => ({
      id,
      label: REFERENCES[id].label,
      kind: 'reference',
      functionName: reference.name,
      bundlePath: (references[index] as { bundlePath: string }).bundlePath,
      stubBundlePath: (stubs[index] as { bundlePath: string }).bundlePath,
      scenario: referenceScenario,
    }));
    const byId = (id: string) => [...appSubjects, ...referenceSubjects].find((subject) => subject.id === id) as Subject;
    // Diagnostics, stubbed send only: the same handlers with logging at ERROR, so no line is
    // written; what is left over bare is the wrapper (or Middy and Powertools' context) alone.
    const quiet = (id: string, label: string): Subject => {
      const subject = byId(id);
      const scenario = subject.scenario as NonNullable<Subject['scenario']>;
      return {
        ...subject,
        id: `${id}${QUIET_SUFFIX}`,
        label,
        scenario: { ...scenario, environment: { ...scenario.environment, ...QUIET_ENVIRONMENT } },
      };
    };

    progress('measuring bundle sizes');
    const bundles: BundleResult[] = [];
    for (const app of apps) {
      const sizes = await measureFile(app.bundlePath);
      const zip = existsSync(app.zipPath) ? await measureFile(app.zipPath) : undefined;
      bundles.push({
        id: app.name,
        label: app.name,
        kind: 'app',
        bytes: sizes.bytes,
        gzipBytes: sizes.gzipBytes,
        zipBytes: zip?.bytes ?? Number.NaN,
      });
    }
    for (const [index, id] of referenceIds.entries()) {
      const built = references[index] as { bundlePath: string; zipBytes: number };
      const sizes = await measureFile(built.bundlePath);
      bundles.push({
        id,
        label: REFERENCES[id].label,
        kind: 'reference',
        bytes: sizes.bytes,
        gzipBytes: sizes.gzipBytes,
        zipBytes: built.zipBytes,
      });
    }

    const ses = await startSesFaultProxy({ plan: () => undefined });
    let cold: BenchResults['cold'];
    let warm: BenchResults['warm'];
    let logLines: BenchResults['logLines'];
    let sender: Awaited<ReturnType<typeof startSenderScenario>> | undefined;
    try {
      // custom-email-sender's first invocation decrypts a code through a KMS emulator (sender-scenario.ts).
      sender = await startSenderScenario();
      const { scenario: senderScenario } = sender;
      const appColdSubjects = appSubjects.map((subject) =>
        subject.id === SENDER_APP ? { ...subject, scenario: senderScenario } : subject,
      );
      // Diagnostic: the app's bundle behind a loader with a V8 compile cache, filled by the
      // unrecorded first run below (see compile-cache.ts; not shipped, docs/benchmarks.md says why).
      const cacheDir = join(distDir, 'compile-cache', reference.name);
      const withCache: Subject = {
        ...byId(SUBJECT_IDS.app),
        id: `${SUBJECT_IDS.app}${COMPILE_CACHE_SUFFIX}`,
        label: `${SUBJECT_IDS.app} + V8 compile cache (diagnostic, not shipped)`,
        bundlePath: await compileCacheVariant(reference.bundlePath, cacheDir),
      };
      // The cold-start part alone (--only cold) leaves the diagnostic out: it answers a settled question.
      const coldSubjects = [
        ...appColdSubjects,
        ...(coldOnly ? [] : [withCache]),
        byId(SUBJECT_IDS.plain),
        byId(SUBJECT_IDS.powertools),
      ];
      cold = await measureColdStarts(coldSubjects, {
        probe: workloads['cold-probe'],
        ses,
        rounds: plan.coldRounds,
        onProgress: progress,
      });
      if (coldOnly) return await reportColdOnly({ bundles, cold, distDir, root, startedAt, loadAtStart });
      if ((await compileCacheEntries(cacheDir)) === 0)
        throw new Error(`no V8 compile cache was written in ${cacheDir}`);
      const warmSubjects = [SUBJECT_IDS.app, SUBJECT_IDS.bare, SUBJECT_IDS.plain, SUBJECT_IDS.powertools].map(byId);
      const quietSubjects = [
        quiet(SUBJECT_IDS.app, `${SUBJECT_IDS.app}, level ERROR (no lines)`),
        quiet(SUBJECT_IDS.powertools, 'Powertools + Middy 7, level ERROR (no lines)'),
      ];
      warm = {
        stub: await measureWarm([...warmSubjects, ...quietSubjects], {
          script: workloads['warm-child'],
          ses,
          mode: 'stub',
          plan: plan.warmStub,
          onProgress: progress,
        }),
        ses: await measureWarm(warmSubjects, {
          script: workloads['warm-child'],
          ses,
          mode: 'ses',
          plan: plan.warmSes,
          onProgress: progress,
        }),
      };
      logLines = await measureLogLines({
        script: workloads['log-line-child'],
        cwd: distDir,
        plan: plan.logLine,
        onProgress: progress,
      });
    } finally {
      await ses.stop();
      await sender?.stop();
    }

    const builds = await measureBuildTimes(root, { appDir: reference.dir, plan: plan.build, onProgress: progress });

    const results: BenchResults = {
      meta: {
        date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        cpu: cpus()[0]?.model.trim() ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 2 ** 30),
        os: `${type()} ${release()} ${arch()}`,
        hostNode: process.versions.node,
        lambdaNode: await versionOf(node24Binary(), ['-v']),
        turbo: await versionOf(join(root, 'node_modules', '.bin', 'turbo'), ['--version']),
        esbuild: esbuildVersion,
        pnpm: await versionOf('pnpm', ['-v']),
        durationS: (Date.now() - startedAt) / 1000,
        loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
        plan: describePlan(plan),
      },
      bundles,
      cold,
      warm,
      logLines,
      builds,
    };
    const targets = evaluateTargets(results);
    console.log(`\n${renderText(results, targets)}`);
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'benchmarks.md'), renderMarkdown(results, targets));
    await writeFile(join(outDir, 'benchmarks.svg'), renderChart(results));
    await writeFile(
      join(distDir, quick ? 'quick/results.json' : 'results.json'),
      `${JSON.stringify({ results, targets }, null, 2)}\n`,
    );
    progress(
      `wrote ${relative(root, join(outDir, 'benchmarks.md'))} and benchmarks.svg in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );
    // Targets are reported, not enforced: timings are too noisy to fail a build on.
    return 0;
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
