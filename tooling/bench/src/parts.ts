import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { startSesFaultProxy } from '@cognito-triggers/local-stack';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import { bundleEntry, bundleWorkloads, REFERENCES, type ReferenceId } from './builds';
import { measureLogLines, measureWarm, type Subject } from './measure';
import type { BenchPlan } from './plan';
import { textTable } from './render';
import { reportTables } from './report';
import { discoverApps } from './repo';
import { QUIET_SUFFIX, SUBJECT_IDS, type BenchResults } from './results';
import { SCENARIOS } from './scenarios';
import { evaluateTargets } from './targets';

/**
 * The parts of the benchmark that `--only` can run on their own: warm invocations with the send
 * stubbed (with the level-ERROR diagnostics), warm invocations against the local SES, one log line.
 *
 * @example
 * parseParts('warm,log'); // ['warm', 'log']
 */
export const PARTS = ['warm', 'ses', 'log'] as const;

/**
 * One of {@link PARTS}.
 *
 * @example
 * const part: Part = 'warm';
 */
export type Part = (typeof PARTS)[number];

/**
 * Reads the value of `--only` (`warm,log`), rejecting a part that does not exist.
 *
 * @example
 * parseParts('warm'); // ['warm']
 * parseParts('cold'); // throws: cold is not one of warm, ses, log
 */
export function parseParts(value: string | undefined): Part[] {
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) throw new Error(`--only needs a list of parts: ${PARTS.join(', ')}`);
  for (const name of names) {
    if (!(PARTS as readonly string[]).includes(name)) throw new Error(`${name} is not one of ${PARTS.join(', ')}`);
  }
  return [...new Set(names)] as Part[];
}

/** Turns the lines off for trigger-core (`LOG_LEVEL`) and Powertools (`POWERTOOLS_LOG_LEVEL`). */
const QUIET_ENVIRONMENT = { LOG_LEVEL: 'ERROR', POWERTOOLS_LOG_LEVEL: 'ERROR' } as const;

/**
 * `pnpm bench -- --only warm,log`: measures just those parts, the way the full run does, and
 * prints their targets and tables. For a change to the warm path, where sizes, cold starts and
 * builds would only add minutes; it writes `tooling/bench/dist/only/results.json` and leaves
 * `docs/benchmarks.md` alone.
 *
 * @example
 * process.exitCode = await runParts(['warm', 'log'], FULL_PLAN);
 */
export async function runParts(parts: readonly Part[], plan: BenchPlan): Promise<number> {
  const startedAt = Date.now();
  const loadAtStart = loadavg()[0] ?? 0;
  const root = findWorkspaceRoot(import.meta.dirname);
  const distDir = join(root, 'tooling', 'bench', 'dist');
  const progress = (line: string) => console.log(`bench: ${line}`);
  try {
    const app = discoverApps(root).find((entry) => entry.name === SUBJECT_IDS.app);
    const scenario = SCENARIOS[SUBJECT_IDS.app];
    if (!app || !scenario) throw new Error(`the warm benchmark runs apps/${SUBJECT_IDS.app}, which is missing`);
    if (parts.includes('ses') && !existsSync(app.bundlePath)) {
      throw new Error(`not built: ${relative(root, app.bundlePath)}; run pnpm build first`);
    }

    progress(`bundling what ${parts.join(', ')} needs`);
    const referenceIds = Object.keys(REFERENCES) as ReferenceId[];
    const needsWarm = parts.includes('warm') || parts.includes('ses');
    const [references, stubs, appStub, workloads] = await Promise.all([
      parts.includes('ses')
        ? Promise.all(
            referenceIds.map((id) =>
              bundleEntry(REFERENCES[id].entry, join(distDir, 'reference', id), { withoutTriggerCore: true }),
            ),
          )
        : undefined,
      parts.includes('warm')
        ? Promise.all(
            referenceIds.map((id) =>
              bundleEntry(REFERENCES[id].entry, join(distDir, 'stub', id), { withoutTriggerCore: true, stubSes: true }),
            ),
          )
        : undefined,
      parts.includes('warm')
        ? bundleEntry(join(app.dir, 'src', 'handler.ts'), join(distDir, 'stub', app.name), {
            stubSes: true,
            asTrigger: true,
            absWorkingDir: app.dir,
          })
        : undefined,
      bundleWorkloads(join(distDir, 'workloads')),
    ]);

    const subjects: Subject[] = [
      {
        id: app.name,
        label: app.name,
        kind: 'app',
        functionName: app.name,
        bundlePath: app.bundlePath,
        ...(appStub ? { stubBundlePath: appStub.bundlePath } : {}),
        scenario,
      },
      ...referenceIds.map((id, index): Subject => ({
        id,
        label: REFERENCES[id].label,
        kind: 'reference',
        functionName: app.name,
        bundlePath: references?.[index]?.bundlePath ?? '',
        ...(stubs?.[index] ? { stubBundlePath: stubs[index].bundlePath } : {}),
        scenario,
      })),
    ];
    const byId = (id: string) => subjects.find((subject) => subject.id === id) as Subject;
    const quiet = (id: string, label: string): Subject => ({
      ...byId(id),
      id: `${id}${QUIET_SUFFIX}`,
      label,
      scenario: { ...scenario, environment: { ...scenario.environment, ...QUIET_ENVIRONMENT } },
    });
    const warmSubjects = [SUBJECT_IDS.app, SUBJECT_IDS.bare, SUBJECT_IDS.plain, SUBJECT_IDS.powertools].map(byId);

    const results: BenchResults['warm'] = { stub: [], ses: [] };
    let logLines: BenchResults['logLines'] = [];
    const ses = needsWarm ? await startSesFaultProxy({ plan: () => undefined }) : undefined;
    try {
      if (ses && parts.includes('warm')) {
        results.stub = await measureWarm(
          [
            ...warmSubjects,
            quiet(SUBJECT_IDS.app, `${SUBJECT_IDS.app}, level ERROR (no lines)`),
            quiet(SUBJECT_IDS.powertools, 'Powertools + Middy 7, level ERROR (no lines)'),
          ],
          { script: workloads['warm-child'], ses, mode: 'stub', plan: plan.warmStub, onProgress: progress },
        );
      }
      if (ses && parts.includes('ses')) {
        results.ses = await measureWarm(warmSubjects, {
          script: workloads['warm-child'],
          ses,
          mode: 'ses',
          plan: plan.warmSes,
          onProgress: progress,
        });
      }
      if (parts.includes('log')) {
        logLines = await measureLogLines({
          script: workloads['log-line-child'],
          cwd: distDir,
          plan: plan.logLine,
          onProgress: progress,
        });
      }
    } finally {
      await ses?.stop();
    }

    const measured: BenchResults = {
      meta: {
        date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
        cpu: '',
        cores: 0,
        memoryGiB: 0,
        os: '',
        hostNode: process.versions.node,
        lambdaNode: '',
        turbo: '',
        esbuild: '',
        pnpm: '',
        durationS: (Date.now() - startedAt) / 1000,
        loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
        plan: [],
      },
      bundles: [],
      cold: [],
      warm: results,
      logLines,
      builds: [],
    };
    // Only the targets this run could decide, and only the tables it filled.
    const targets = evaluateTargets(measured).filter(
      (target) => target.value !== undefined && /^(warm-overhead|log-line)/.test(target.id),
    );
    const tables = reportTables(measured, targets).filter((table) => table.rows.length > 0);
    console.log(
      `\n${tables.map(textTable).join('\n')}\nload average (1 min) ${measured.meta.loadAverage.start.toFixed(2)} at start, ${measured.meta.loadAverage.end.toFixed(2)} at end`,
    );
    const outDir = join(distDir, 'only');
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'results.json'), `${JSON.stringify({ results: measured, targets }, null, 2)}\n`);
    progress(
      `wrote ${relative(root, join(outDir, 'results.json'))} in ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );
    return 0;
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
