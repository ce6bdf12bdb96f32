import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findWorkspaceRoot, loadTriggers } from '../src/index';

/** The parts of a GitHub Actions workflow these tests read. */
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  strategy?: { 'fail-fast'?: boolean; matrix?: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const root = findWorkspaceRoot(import.meta.dirname);
const WORKFLOWS = ['ci.yml', 'release.yml', 'rollback.yml'] as const;
const workflows = {} as Record<(typeof WORKFLOWS)[number], Workflow>;
let rootScripts: Record<string, string>;

beforeAll(async () => {
  for (const name of WORKFLOWS) {
    workflows[name] = parse(await readFile(join(root, '.github', 'workflows', name), 'utf8')) as Workflow;
  }
  rootScripts = (JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts;
});

/** Every `pnpm ...` command line in a workflow: in `run` steps and in changesets/action's inputs. */
function pnpmCommands(workflow: Workflow): string[] {
  const lines: string[] = [];
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps) {
      const texts = [step.run, ...Object.values(step.with ?? {}).map(String)];
      for (const text of texts) {
        for (const match of (text ?? '').matchAll(/\bpnpm\s+[^\n;&|)]*/g)) lines.push(match[0].trim());
      }
    }
  }
  return lines;
}

/** The script (or pnpm command) a `pnpm` line runs: its first word that is not an option. */
function scriptOf(command: string): string {
  const word = command
    .split(/\s+/)
    .slice(1)
    .find((token) => !token.startsWith('-'));
  if (!word) throw new Error(`no script in "${command}"`);
  return word;
}

function runs(job: Job): string[] {
  return job.steps.flatMap((step) => (step.run ? [step.run] : []));
}

function usesOf(job: Job, action: string): Step[] {
  return job.steps.filter((step) => step.uses?.startsWith(`${action}@`));
}

describe('the workflows', () => {
  it('run only pnpm scripts that the root package.json defines (or a frozen install)', () => {
    for (const name of WORKFLOWS) {
      const commands = pnpmCommands(workflows[name]);
      expect(commands.length, name).toBeGreaterThan(0);
      for (const command of commands) {
        const script = scriptOf(command);
        if (script === 'install') {
          expect(command, `${name}: installs must be frozen`).toContain('--frozen-lockfile');
          continue;
        }
        expect(Object.keys(rootScripts), `${name}: "${command}"`).toContain(script);
      }
    }
  });

  it('set up pnpm from packageManager and Node 22 or later in every job', () => {
    for (const name of WORKFLOWS) {
      for (const [id, job] of Object.entries(workflows[name].jobs)) {
        expect(usesOf(job, 'pnpm/action-setup'), `${name}/${id}`).toHaveLength(1);
        const node = usesOf(job, 'actions/setup-node')[0];
        expect(Number(node?.with?.['node-version']), `${name}/${id}`).toBeGreaterThanOrEqual(22);
      }
    }
  });
});

describe('ci.yml', () => {
  it('runs on pull requests, on pushes to main, and when another workflow calls it', () => {
    expect(Object.keys(workflows['ci.yml'].on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
  });

  it('checks formatting, then lints, typechecks, tests, builds and checks size budgets for the affected packages only, with the turbo cache', () => {
    const job = workflows['ci.yml'].jobs.affected;
    if (!job) throw new Error('ci.yml has no "affected" job');
    expect(runs(job)).toEqual([
      'pnpm install --frozen-lockfile',
      'pnpm format:check',
      'pnpm lint --affected',
      'pnpm typecheck --affected',
      'pnpm test --affected',
      'pnpm build --affected',
      'pnpm package --affected',
    ]);
    expect(usesOf(job, 'actions/cache')[0]?.with?.path).toBe('.turbo/cache');
    expect(usesOf(job, 'actions/checkout')[0]?.with?.['fetch-depth']).toBe(0);
  });

  it('runs the whole end-to-end suite in its own job', () => {
    const job = workflows['ci.yml'].jobs.e2e;
    if (!job) throw new Error('ci.yml has no "e2e" job');
    expect(runs(job)).toContain('pnpm test:e2e');
  });

  it("runs the generator's every-family check in its own job, not inside the affected packages' tests", () => {
    const job = workflows['ci.yml'].jobs.generator;
    if (!job) throw new Error('ci.yml has no "generator" job');
    expect(runs(job)).toEqual(['pnpm install --frozen-lockfile', 'pnpm test:generator']);
    expect(rootScripts['test:generator']).toBe('turbo run test:generator');
    expect(rootScripts.test).not.toContain('generator');
  });
});

describe('release.yml', () => {
  it('lets changesets open the version pull request and tag what it bumped', () => {
    const job = workflows['release.yml'].jobs.version;
    if (!job) throw new Error('release.yml has no "version" job');
    expect(usesOf(job, 'changesets/action')[0]?.with).toMatchObject({
      version: 'pnpm version-packages',
      publish: 'pnpm release:tag',
    });
    expect(job.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    expect(rootScripts['release:tag']).toBe('changeset tag');
  });

  it('deploys each tagged app in its own job, from a matrix of the tags, with a dry run first', () => {
    const job = workflows['release.yml'].jobs.deploy;
    if (!job) throw new Error('release.yml has no "deploy" job');
    expect(job.needs).toBe('version');
    expect(job.strategy?.['fail-fast']).toBe(false);
    expect(job.strategy?.matrix).toEqual({ include: '${{ fromJSON(needs.version.outputs.matrix) }}' });
    expect(job.environment).toBe('${{ matrix.app }}');
    expect(job.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(usesOf(job, 'actions/checkout')[0]?.with?.ref).toBe('${{ matrix.tag }}');
    expect(runs(job)).toEqual([
      'pnpm install --frozen-lockfile',
      'pnpm package --filter=${{ matrix.app }}',
      'pnpm deploy:trigger ${{ matrix.app }} --alias live --dry-run',
      'pnpm deploy:trigger ${{ matrix.app }} --alias live',
    ]);
  });

  it('passes every variable a trigger reads to the deploy job', () => {
    const passed = Object.keys(workflows['release.yml'].jobs.deploy?.env ?? {});
    for (const trigger of Object.values(loadTriggers(root))) {
      for (const variable of [...trigger.environment.required, ...trigger.environment.optional]) {
        expect(passed, `${trigger.name} reads ${variable}`).toContain(variable);
      }
    }
  });
});

describe('rollback.yml', () => {
  it('rolls back one app on demand, passing the inputs through the environment', () => {
    const job = workflows['rollback.yml'].jobs.rollback;
    if (!job) throw new Error('rollback.yml has no "rollback" job');
    expect(Object.keys(workflows['rollback.yml'].on)).toEqual(['workflow_dispatch']);
    expect(runs(job)).toContain('pnpm deploy:trigger rollback "$APP" --alias "$ALIAS"');
  });
});
