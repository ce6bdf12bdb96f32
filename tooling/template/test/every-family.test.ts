import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_NAMES, FAMILY_TEMPLATES, type FamilyTemplate } from '../src/families';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import { installWorkspace, planTrigger, writePlan } from '../src/generate';
import { kebabCase } from '../src/names';

// One app per family, generated into ONE copy of this workspace, one install, then one turbo run of
// every app's own scripts: the same commands a team runs after `pnpm gen trigger`.
const root = findWorkspaceRoot(import.meta.dirname);
const apps = FAMILY_NAMES.map((family) => ({ family, name: `gen-${kebabCase(family)}` }));
const SKIPPED = new Set(['node_modules', 'dist', '.turbo', '.git', 'artifacts', 'coverage', '.vitest-reports']);
const MINUTES = 60_000;

let copy: string;
const timings: Record<string, number> = {};

function run(
  command: string,
  args: string[],
  cwd: string,
  extra: NodeJS.ProcessEnv = {},
): { ok: boolean; output: string } {
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

beforeAll(async () => {
  copy = await mkdtemp(join(tmpdir(), 'cognito-gen-'));
  await cp(root, copy, { recursive: true, filter: (source) => !SKIPPED.has(basename(source)) });
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
      timings.generate = (Date.now() - startedAt) / 1000;

      // pnpm install in the copy: the lockfile gains 13 importers; the store is warm, so nothing is downloaded.
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

      const checks = timed('typecheck+lint+test+build', () =>
        run(
          'pnpm',
          [
            'exec',
            'turbo',
            'run',
            'typecheck',
            'lint',
            'test',
            'build',
            '--filter=./apps/gen-*',
            '--concurrency=2',
            '--output-logs=errors-only',
            '--ui=stream',
          ],
          copy,
        ),
      );
      expect(checks.ok, checks.output.slice(-12_000)).toBe(true);
      // 4 tasks for each of the 13 apps, all of them run (nothing cached in a fresh copy).
      expect(checks.output).toMatch(new RegExp(`Tasks:\\s+${apps.length * 4} successful, ${apps.length * 4} total`));

      // The release tooling's registry accepts every generated cognitoTrigger field: the release matrix
      // of all the new apps' tags deploys exactly the deployable families' apps.
      const published = JSON.stringify(apps.map(({ name }) => ({ name, version: '0.1.0' })));
      const matrix = run('pnpm', ['--silent', 'release:matrix'], copy, { PUBLISHED_PACKAGES: published });
      expect(matrix.ok, matrix.output).toBe(true);
      const deployed = (JSON.parse(matrix.output) as { app: string }[]).map((job) => job.app).sort();
      const deployable = apps
        .filter(({ family }) => (FAMILY_TEMPLATES[family] as FamilyTemplate).deploySlot !== undefined)
        .map(({ name }) => name);
      expect(deployed).toEqual(deployable.sort());
    },
    15 * MINUTES,
  );
});
