import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docCommands, type DocCommand } from '@cognito-triggers/workspace';
import {
  ReleaseConfigurationError,
  findWorkspaceRoot,
  listStages,
  loadTriggers,
  parseCommandLine,
  poolIdOf,
  readStage,
} from '../src/index';

const root = findWorkspaceRoot(import.meta.dirname);
/** The documents a team follows to deploy; every `pnpm` command of their sh blocks is checked. */
const DOCUMENTS = ['docs/release-and-deploy.md', 'deploy/README.md'];
/** pnpm's own commands the documents use (everything else must be a script). */
const PNPM_COMMANDS = ['install'];

type Scripts = Readonly<Record<string, string>>;
const scriptsOf = (dir: string): Scripts =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts?: Scripts }).scripts ?? {};

/** Every workspace package by name (pnpm-workspace.yaml: apps/*, packages/*, tooling/*) and its scripts. */
const PACKAGES = new Map<string, Scripts>(
  ['apps', 'packages', 'tooling'].flatMap((group) =>
    readdirSync(join(root, group))
      .filter((dir) => existsSync(join(root, group, dir, 'package.json')))
      .map((dir) => {
        const manifest = JSON.parse(readFileSync(join(root, group, dir, 'package.json'), 'utf8')) as { name: string };
        return [manifest.name, scriptsOf(join(root, group, dir))] as const;
      }),
  ),
);
const ROOT_SCRIPTS = scriptsOf(root);
const STAGES = listStages(root);
const APPS = Object.keys(loadTriggers(root));

/** pnpm's options before the script, the script, and what follows it. */
function invocation(words: readonly string[]): { filters: string[]; script: string | undefined; args: string[] } {
  const filters: string[] = [];
  let at = 1;
  for (; at < words.length && words[at]!.startsWith('-'); at += 1) {
    const word = words[at]!;
    if (word === '--filter' || word === '-F') filters.push(words[++at] ?? '');
    else if (word.startsWith('--filter=')) filters.push(word.slice('--filter='.length));
    else if (word !== '--silent' && word !== '-s') throw new Error(`pnpm option ${word} is not one this test reads`);
  }
  if (words[at] === 'run') at += 1;
  return { filters, script: words[at], args: words.slice(at + 1) };
}

/** The value of `--name value` or `--name=value` among `args`. */
function flagValues(args: readonly string[], name: string): string[] {
  return args.flatMap((arg, index) =>
    arg === name ? [args[index + 1] ?? ''] : arg.startsWith(`${name}=`) ? [arg.slice(name.length + 1)] : [],
  );
}

/**
 * What is wrong with one documented `pnpm` command: a script that does not exist (at the root,
 * or in the package `--filter` names), a filter or a stage that names nothing, or, for
 * `deploy:trigger`, arguments its own parser refuses, an app that does not deploy, or an attach
 * whose pool cannot be found from the stage. Nothing is run and no AWS API is called.
 */
function problemsOf(words: readonly string[]): string[] {
  const problems: string[] = [];
  const { filters, script, args } = invocation(words);
  if (script === undefined) return ['no script'];
  if (filters.length > 0) {
    for (const filter of filters) {
      const scripts = PACKAGES.get(filter);
      if (scripts === undefined) problems.push(`--filter ${filter}: no workspace package of that name`);
      else if (scripts[script] === undefined) problems.push(`${filter} has no script "${script}"`);
    }
  } else if (ROOT_SCRIPTS[script] === undefined && !PNPM_COMMANDS.includes(script)) {
    problems.push(`the root package.json has no script "${script}"`);
  }
  // The root scripts hand --filter to turbo: it must name a package too.
  for (const filter of flagValues(args, '--filter')) {
    if (!PACKAGES.has(filter)) problems.push(`--filter=${filter}: no workspace package of that name`);
  }
  const stages = [
    ...flagValues(args, '--stage'),
    ...flagValues(args, '-c')
      .filter((context) => context.startsWith('stage='))
      .map((context) => context.slice('stage='.length)),
  ];
  for (const stage of stages) if (!STAGES.includes(stage)) problems.push(`no stage "${stage}" in deploy/`);
  if (script === 'deploy:trigger') {
    try {
      const command = parseCommandLine(args);
      const apps = 'apps' in command ? command.apps : [command.app];
      for (const app of apps) if (!APPS.includes(app)) problems.push(`"${app}" is not a deployable app`);
      if ('apps' in command) {
        poolIdOf(
          command,
          command.stage === undefined || !STAGES.includes(command.stage) ? undefined : readStage(root, command.stage),
        );
      }
    } catch (error) {
      if (!(error instanceof ReleaseConfigurationError)) throw error;
      problems.push(`deploy-trigger refuses it: ${error.message}`);
    }
  }
  return problems;
}

const documented: [string, DocCommand][] = DOCUMENTS.flatMap((document) =>
  docCommands(readFileSync(join(root, document), 'utf8'))
    .filter((command) => command.words[0] === 'pnpm')
    .map((command) => [`${document}:${command.line} ${command.words.join(' ')}`, command] as [string, DocCommand]),
);

describe('every pnpm command the deploy documents show', () => {
  it.each(documented)('works as written: %s', (_label, command) => {
    expect(problemsOf(command.words)).toEqual([]);
  });

  it('covers both modes, each deploy-trigger subcommand, and the CDK deploy of each kind of stage', () => {
    const parsed = documented
      .map(([, command]) => invocation(command.words))
      .filter(({ script }) => script === 'deploy:trigger')
      .map(({ args }) => parseCommandLine(args));
    expect(new Set(parsed.map((command) => command.kind))).toEqual(new Set(['deploy', 'rollback', 'attach', 'detach']));
    const lines = documented.map(([label]) => label);
    for (const stage of ['prod', 'staging']) {
      expect(lines.some((line) => line.endsWith(`cdk deploy --all -c stage=${stage}`))).toBe(true);
    }
    expect(readStage(root, 'prod').existingUserPool).toBeUndefined();
    expect(readStage(root, 'staging').existingUserPool).toBeDefined();
  });
});

describe('the documented-command check', () => {
  it.each([
    [['pnpm', 'deploy-trigger', 'pre-sign-up'], 'the root package.json has no script "deploy-trigger"'],
    [['pnpm', '--filter', '@cognito-triggers/infra', 'deploy'], '@cognito-triggers/infra has no script "deploy"'],
    [['pnpm', 'package', '--filter=signup-gate'], '--filter=signup-gate: no workspace package of that name'],
    [['pnpm', 'deploy:trigger', 'pre-sign-up', '--stage', 'qa'], 'no stage "qa" in deploy/'],
    [['pnpm', 'deploy:trigger', 'pre-sign-up', '--stag', 'prod'], "deploy-trigger refuses it: Unknown option '--stag'"],
    [
      ['pnpm', 'deploy:trigger', 'rollback', 'pre-sign-up', '[--dry-run]'],
      'deploy-trigger refuses it: one app at a time',
    ],
    [['pnpm', 'deploy:trigger', 'signup-gate', '--dry-run'], '"signup-gate" is not a deployable app'],
    [
      ['pnpm', 'deploy:trigger', 'attach', 'pre-sign-up', '--stage', 'prod'],
      'deploy-trigger refuses it: --user-pool-id is required: deploy/prod/stage.json has no "existingUserPool"',
    ],
  ])('finds what is wrong with %j', (words, problem) => {
    expect(problemsOf(words).join('\n')).toContain(problem);
  });
});
