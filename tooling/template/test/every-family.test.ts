import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploymentOf, FAMILY_NAMES } from '../src/families';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import { installWorkspace, planTrigger, writePlan } from '../src/generate';
import { kebabCase } from '../src/names';

// One app per family, generated into ONE copy of this workspace and installed once. Every app is
// built by its own `build` script, one app runs its own typecheck, lint and test scripts (the
// commands a team runs after `pnpm gen trigger`; the script lines are the same template for every
// family), and then all 13 apps are typechecked, linted and tested in ONE run of each tool, each
// file under its own app's tsconfig, eslint.config.js and vitest.config.ts. One run per tool
// instead of 13 is what keeps this check around a minute rather than several.
const root = findWorkspaceRoot(import.meta.dirname);
const apps = FAMILY_NAMES.map((family) => ({ family, name: `gen-${kebabCase(family)}` }));
const SKIPPED = new Set(['node_modules', 'dist', '.turbo', '.git', 'artifacts', 'coverage', '.vitest-reports']);
const MINUTES = 60_000;
/** A workspace package added to the copy only: it holds the tools that check every app at once. */
const CHECKER = 'tooling/every-family-check';
/** The app whose own package scripts run (any family would do: the scripts come from one template). */
const SCRIPTED_APP = 'gen-post-confirmation';

let copy: string;
const timings: Record<string, number> = {};

function run(
  command: string,
  args: string[],
  cwd: string,
  extra: NodeJS.ProcessEnv = {},
): { ok: boolean; output: string; stdout: string } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
    FORCE_COLOR: '0',
    ...extra,
  };
  // The copy's tests must not land in CI's result tally: they are this test's evidence, not repo tests.
  delete env.VITEST_JSON_DIR;
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    ok: result.status === 0,
    stdout: result.stdout,
    output: `${result.stdout}${result.stderr}${result.error ? String(result.error) : ''}`,
  };
}

function timed<T>(label: string, work: () => T): T {
  const startedAt = Date.now();
  try {
    return work();
  } finally {
    timings[label] = Math.round((Date.now() - startedAt) / 100) / 10;
  }
}

/** The generated app a file belongs to (`gen-…`), from its path. */
function appOf(file: string): string | undefined {
  const parts = relative(join(copy, 'apps'), file).split(sep);
  return parts[0]?.startsWith('gen-') ? parts[0] : undefined;
}

/** The checker package: typescript, eslint and vitest, and configs that take in every generated app. */
async function writeChecker(): Promise<void> {
  const dir = join(copy, CHECKER);
  await mkdir(dir, { recursive: true });
  const manifest = {
    name: '@cognito-triggers/every-family-check',
    private: true,
    type: 'module',
    devDependencies: { '@types/node': 'catalog:', eslint: 'catalog:', typescript: 'catalog:', vitest: 'catalog:' },
  };
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const apps = '../../apps/gen-*';
  const tsconfig = { extends: '../../tsconfig.base.json', include: [`${apps}/src`, `${apps}/test`, `${apps}/*.ts`] };
  await writeFile(join(dir, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);
  // No import: vitest/config is not needed to name the projects, each app's own config is used.
  await writeFile(join(dir, 'vitest.config.mjs'), `export default { test: { projects: ['${apps}'] } };\n`);
}

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'cognito-gen-'));
  await cp(root, copy, { recursive: true, filter: (source) => !SKIPPED.has(basename(source)) });
  // One app per family goes into this one workspace, and a pool runs one function per slot: the
  // shipped apps give their slots up in the copy, or the generator would rightly refuse the new ones.
  for (const dir of await readdir(join(copy, 'apps'))) {
    const file = join(copy, 'apps', dir, 'package.json');
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    delete manifest.cognitoTrigger;
    await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  }
}, 2 * MINUTES);

afterAll(async () => {
  console.log(`every-family timings (s): ${JSON.stringify(timings)}`);
  if (copy && !process.env.KEEP_GEN_COPY) await rm(copy, { recursive: true, force: true });
  else if (copy) console.log(`kept the workspace copy at ${copy}`);
});

describe('pnpm gen trigger, for every trigger family', () => {
  it(
    'creates apps whose typecheck, lint, tests (unit and built bundle on Node 24) and build all pass',
    async () => {
      const startedAt = Date.now();
      for (const { name, family } of apps) await writePlan(copy, await planTrigger(copy, name, family));
      await writeChecker();
      timings.generate = (Date.now() - startedAt) / 1000;

      // pnpm install in the copy: the lockfile gains the new importers; the store is warm, so nothing is downloaded.
      let installOutput = '';
      const installed = timed('install', () =>
        installWorkspace(copy, (args) => {
          const result = run('pnpm', args, copy);
          installOutput += result.output;
          return result.ok;
        }),
      );
      expect(installed, installOutput.slice(-4_000)).toBeDefined();
      const lockfile = await readFile(join(copy, 'pnpm-lock.yaml'), 'utf8');
      for (const { name } of apps) expect(lockfile).toContain(`apps/${name}:`);

      const turbo = (tasks: string[], filter: string) =>
        run(
          'pnpm',
          ['exec', 'turbo', 'run', ...tasks, `--filter=${filter}`, '--output-logs=errors-only', '--ui=stream'],
          copy,
        );
      // Every app's own build script: the bundle tests below run the dist/index.mjs it writes.
      const built = timed('build (13 apps, own scripts)', () => turbo(['build'], './apps/gen-*'));
      expect(built.ok, built.output.slice(-12_000)).toBe(true);
      expect(built.output).toMatch(new RegExp(`Tasks:\\s+${apps.length} successful, ${apps.length} total`));

      const scripted = timed(`typecheck+lint+test (${SCRIPTED_APP}, own scripts)`, () =>
        turbo(['typecheck', 'lint', 'test'], SCRIPTED_APP),
      );
      expect(scripted.ok, scripted.output.slice(-12_000)).toBe(true);
      // Its test task depends on its build, so turbo runs four tasks.
      expect(scripted.output).toMatch(/Tasks:\s+4 successful, 4 total/);

      const checker = join(copy, CHECKER);
      // --listFiles: the check also names every file it took in, so no app can be left out unseen.
      const typecheck = timed('typecheck (13 apps, one tsc)', () =>
        run('pnpm', ['exec', 'tsc', '-p', 'tsconfig.json', '--listFiles'], checker),
      );
      expect(typecheck.ok, typecheck.output.slice(-12_000)).toBe(true);
      const typechecked = new Set(typecheck.stdout.split('\n').flatMap((file) => appOf(file.trim()) ?? []));
      expect([...typechecked].sort()).toEqual(apps.map(({ name }) => name).sort());

      // ESLint 10 looks up the config from each file's folder, so every app is linted by its own
      // eslint.config.js, and type-aware rules use its own tsconfig.json.
      const lint = timed('lint (13 apps, one eslint)', () =>
        run(
          'pnpm',
          [
            'exec',
            'eslint',
            '--format',
            'json',
            '--max-warnings',
            '0',
            ...apps.map(({ name }) => `../../apps/${name}`),
          ],
          checker,
        ),
      );
      expect(lint.ok, lint.output.slice(-12_000)).toBe(true);
      const linted = JSON.parse(lint.stdout) as { filePath: string }[];
      for (const { name } of apps) {
        expect(
          linted.map((entry) => relative(join(copy, 'apps', name), entry.filePath)),
          name,
        ).toEqual(expect.arrayContaining(['src/handler.ts', 'src/config.ts', 'test/handler.test.ts']));
      }

      const reportPath = join(checker, 'vitest-report.json');
      const tests = timed('test (13 apps, one vitest)', () =>
        run(
          'pnpm',
          ['exec', 'vitest', 'run', '--config', 'vitest.config.mjs', '--reporter=json', `--outputFile=${reportPath}`],
          checker,
        ),
      );
      expect(tests.ok, tests.output.slice(-12_000)).toBe(true);
      const report = JSON.parse(await readFile(reportPath, 'utf8')) as {
        numFailedTests: number;
        testResults: { name: string; status: string }[];
      };
      expect(report.numFailedTests).toBe(0);
      // Each app's own test files ran and passed, its built bundle's test among them.
      for (const { name } of apps) {
        const files = report.testResults
          .filter((result) => appOf(result.name) === name)
          .map((result) => `${relative(join(copy, 'apps', name), result.name)} ${result.status}`);
        expect(files, name).toEqual(
          expect.arrayContaining([
            'test/bundle.test.ts passed',
            'test/config.test.ts passed',
            'test/failure-policy.test.ts passed',
            'test/handler.test.ts passed',
          ]),
        );
      }

      // The release tooling's registry accepts every generated cognitoTrigger field: the release matrix
      // of all the new apps' tags deploys exactly the deployable families' apps.
      const published = JSON.stringify(apps.map(({ name }) => ({ name, version: '0.1.0' })));
      const matrix = run('pnpm', ['--silent', 'release:matrix'], copy, { PUBLISHED_PACKAGES: published });
      expect(matrix.ok, matrix.output).toBe(true);
      const deployed = (JSON.parse(matrix.stdout) as { app: string }[]).map((job) => job.app).sort();
      const deployable = apps.filter(({ family }) => 'slot' in deploymentOf(family)).map(({ name }) => name);
      expect(deployed).toEqual(deployable.sort());
    },
    15 * MINUTES,
  );
});
