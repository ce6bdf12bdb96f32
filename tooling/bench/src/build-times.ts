import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { summarize, type Summary } from './stats';

const exec = promisify(execFile);

/**
 * How many times each build scenario runs.
 *
 * @example
 * const plan: BuildPlan = { clean: 3, noChange: 5, appChange: 3, coreChange: 3 };
 */
export interface BuildPlan {
  clean: number;
  noChange: number;
  appChange: number;
  coreChange: number;
}

/**
 * The build scenarios, by id.
 *
 * @example
 * const chartLabels: Record<BuildScenario, string> = { clean: 'clean build, all apps', 'no-change': 'no change: turbo run build', ... };
 */
export type BuildScenario = 'clean' | 'no-change' | 'no-change-pnpm' | 'app-change' | 'core-change';

/**
 * One build scenario's wall times in milliseconds, and what turbo said it took from its cache.
 *
 * @example
 * const noChange = results.builds.find((entry) => entry.id === 'no-change-pnpm')?.ms.median;
 */
export interface BuildResult {
  id: BuildScenario;
  label: string;
  ms: Summary;
  /** Turbo's own count, e.g. "1 cached, 1 total" (from the last run of the scenario). */
  cached: string;
}

/** A turbo run's wall time and its "N cached, M total" counts. */
interface TurboRun {
  ms: number;
  cached: number;
  total: number;
}

/**
 * The text of turbo's summary line "Cached: N cached, M total", parsed.
 *
 * @example
 * parseTurboSummary(' Cached:    1 cached, 1 total'); // { cached: 1, total: 1 }
 */
export function parseTurboSummary(output: string): { cached: number; total: number } | undefined {
  const match = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  return match ? { cached: Number(match[1]), total: Number(match[2]) } : undefined;
}

/**
 * The environment for the nested turbo runs: the caller's, without the variables the outer
 * `turbo run bench` sets for its own task, and without turbo's telemetry and update check (both
 * would reach for the network, which this benchmark never does).
 */
function turboEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('TURBO_')) env[name] = value;
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1', DO_NOT_TRACK: '1', FORCE_COLOR: '0' };
}

function runTurbo(turbo: string, cwd: string, args: readonly string[]): Promise<TurboRun> {
  return timedBuild(turbo, ['run', 'build', '--output-logs=errors-only', ...args], cwd);
}

function timedBuild(command: string, args: readonly string[], cwd: string): Promise<TurboRun> {
  return new Promise((resolve, reject) => {
    const startedAt = performance.now();
    const child = spawn(command, args, { cwd, env: turboEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - startedAt;
      const summary = parseTurboSummary(output);
      if (code !== 0 || !summary) {
        reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}) in ${cwd}:\n${output.slice(-3_000)}`));
        return;
      }
      resolve({ ms, ...summary });
    });
  });
}

/**
 * Copies the repository to a temporary folder for build timing: every file git knows or would
 * add (tracked, plus untracked but not ignored), each package's `node_modules` link farm, and
 * the root `node_modules` as a link to the real one. The copy gets a git history of its own, so
 * turbo hashes files as it does in the real repo, and a turbo cache of its own, so no run here
 * reads or writes the repository's cache.
 */
async function copyRepository(root: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'cognito-triggers-bench-'));
  const { stdout } = await exec('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const files = stdout.split('\0').filter((file) => file.length > 0 && existsSync(join(root, file)));
  for (const file of files) {
    await mkdir(dirname(join(copy, file)), { recursive: true });
    await cp(join(root, file), join(copy, file), { preserveTimestamps: true });
  }
  await symlink(join(root, 'node_modules'), join(copy, 'node_modules'));
  for (const group of ['apps', 'packages', 'tooling']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of await readdir(groupDir, { withFileTypes: true })) {
      const modules = join(groupDir, entry.name, 'node_modules');
      // The link farm's links are relative, so in the copy they resolve through the copy's root link.
      if (entry.isDirectory() && existsSync(modules)) {
        await cp(modules, join(copy, relative(root, modules)), { recursive: true, verbatimSymlinks: true });
      }
    }
  }
  const git = ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false'];
  await exec('git', ['init', '-q'], { cwd: copy });
  // The root node_modules is a link here, which the repo's "node_modules/" (folders only) does not ignore.
  await writeFile(join(copy, '.git', 'info', 'exclude'), '/node_modules\n');
  await exec('git', ['add', '-A'], { cwd: copy, maxBuffer: 64 * 1024 * 1024 });
  await exec('git', [...git, 'commit', '-q', '-m', 'benchmark snapshot'], { cwd: copy });
  return copy;
}

/**
 * Times the builds a developer waits for, in a temporary copy of the repository (the working
 * tree is never touched): a clean build of every app (`turbo run build --force` after deleting
 * `dist/`), a no-change rebuild (all turbo cache hits), and a rebuild after a one-line change in
 * one app's handler and in trigger-core. One untimed clean build first warms the file cache.
 *
 * @example
 * const results = await measureBuildTimes(root, { appDir: 'apps/post-confirmation', plan: { clean: 3, noChange: 5, appChange: 3, coreChange: 3 } });
 */
export async function measureBuildTimes(
  root: string,
  options: { appDir: string; plan: BuildPlan; onProgress?: (line: string) => void },
): Promise<BuildResult[]> {
  const turbo = join(root, 'node_modules', '.bin', 'turbo');
  if (!existsSync(turbo)) throw new Error(`${turbo} is missing; run pnpm install`);
  const copy = await copyRepository(root);
  try {
    const appsDir = join(copy, 'apps');
    const removeDists = async () => {
      for (const entry of await readdir(appsDir))
        await rm(join(appsDir, entry, 'dist'), { recursive: true, force: true });
    };
    const results: BuildResult[] = [];
    const record = (
      id: BuildScenario,
      label: string,
      runs: TurboRun[],
      check: (run: TurboRun) => string | undefined,
    ) => {
      for (const run of runs) {
        const problem = check(run);
        if (problem)
          throw new Error(`build timing "${label}": ${problem} (turbo: ${run.cached} cached, ${run.total} total)`);
      }
      const last = runs.at(-1);
      results.push({
        id,
        label,
        ms: summarize(runs.map((run) => run.ms)),
        cached: last ? `${last.cached} cached, ${last.total} total` : '',
      });
    };

    await runTurbo(turbo, copy, ['--force']);
    const clean: TurboRun[] = [];
    for (let i = 0; i < options.plan.clean; i++) {
      await removeDists();
      clean.push(await runTurbo(turbo, copy, ['--force']));
    }
    record('clean', 'clean build of all apps (turbo run build --force)', clean, (run) =>
      run.cached > 0 ? 'expected no cache hits' : undefined,
    );
    options.onProgress?.('build: clean builds done');

    // The clean builds above filled this copy's cache with the current sources.
    const noChange: TurboRun[] = [];
    for (let i = 0; i < options.plan.noChange; i++) noChange.push(await runTurbo(turbo, copy, []));
    const allCached = (run: TurboRun) => (run.cached !== run.total ? 'expected every task from the cache' : undefined);
    record('no-change', 'no-change rebuild, turbo run build (cache hit)', noChange, allCached);
    // What a developer types: pnpm's own start-up comes on top of turbo's.
    const viaPnpm: TurboRun[] = [];
    for (let i = 0; i < options.plan.noChange; i++)
      viaPnpm.push(await timedBuild('pnpm', ['run', '--silent', 'build', '--output-logs=errors-only'], copy));
    record('no-change-pnpm', 'no-change rebuild, pnpm build (cache hit)', viaPnpm, allCached);

    const edit = async (
      file: string,
      count: number,
      id: BuildScenario,
      label: string,
      expectRebuilt: (run: TurboRun) => string | undefined,
    ) => {
      const runs: TurboRun[] = [];
      for (let i = 0; i < count; i++) {
        // A new line each time: the same edit twice would be a cache hit the second time.
        await appendFile(join(copy, file), `// benchmark: one-line change ${i + 1}\n`);
        runs.push(await runTurbo(turbo, copy, []));
      }
      record(id, label, runs, expectRebuilt);
    };
    const appHandler = join(relative(root, options.appDir), 'src', 'handler.ts');
    await edit(
      appHandler,
      options.plan.appChange,
      'app-change',
      `rebuild after a one-line change in ${appHandler}`,
      (run) => (run.total - run.cached !== 1 ? 'expected exactly one task rebuilt' : undefined),
    );
    await edit(
      join('packages', 'trigger-core', 'src', 'index.ts'),
      options.plan.coreChange,
      'core-change',
      'rebuild after a one-line change in packages/trigger-core/src/index.ts',
      (run) => (run.total - run.cached < 1 ? 'expected the apps that bundle trigger-core rebuilt' : undefined),
    );
    options.onProgress?.('build: rebuilds done');
    return results;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}
