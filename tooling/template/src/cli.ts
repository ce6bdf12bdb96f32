import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TriggerFamilyName } from '@cognito-triggers/trigger-core';
import { FAMILY_NAMES, failurePolicyOf } from './families';
import { installWorkspace, planTrigger, writePlan } from './generate';
import { InputError, nameProblem, resolveFamily } from './names';

/**
 * The generators `pnpm gen` knows.
 *
 * @example
 * if (!(GENERATORS as readonly string[]).includes(generator)) throw new InputError(`unknown generator "${generator}"`);
 */
export const GENERATORS = ['trigger'] as const;

/**
 * The help text of `pnpm gen`, printed for `--help` and after a flag it cannot parse.
 *
 * @example
 * io.out(USAGE);
 */
export const USAGE = `Usage: pnpm gen trigger [<name> [<family>]] [--name <name>] [--family <family>] [--skip-install]

Creates apps/<name>/, a Cognito trigger app wired through trigger-core, and a changeset announcing it,
then runs pnpm install so the workspace links it. Asks for what is missing when run in a terminal.

  <name>, --name       the app's name, kebab-case (e.g. signup-gate); also its package name and release tag
  <family>, --family   the trigger family: ${FAMILY_NAMES.join(', ')}
                       (any case; kebab-case such as pre-authentication works too)
  --skip-install       write the files only; run pnpm install yourself afterwards
  -h, --help           this text`;

/**
 * How the CLI talks to the world; tests pass their own.
 *
 * @example
 * await main(['trigger', '--name', 'signup-gate', '--family', 'PreSignUp'], { root, out: console.log, err: console.error });
 */
export interface CliIo {
  /** The repo root the app is created in. */
  root: string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks a question in a terminal; absent when there is no terminal (CI, pipes, turbo), so missing input is an error. */
  ask?: (question: string) => Promise<string>;
  /** Links the new app into the workspace; returns the command that worked. Defaults to pnpm install at the root. */
  install?: (root: string) => string | undefined;
}

/**
 * `pnpm gen trigger`: parses flags and positional arguments, asks for what is missing, checks
 * everything before writing anything, then writes the app and installs. Returns the exit code:
 * 0 done, 1 bad input (nothing written), 2 written but `pnpm install` failed.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2), io);
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        family: { type: 'string' },
        'skip-install': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.err(`gen: ${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }

  try {
    const [generator = 'trigger', positionalName, positionalFamily, ...extra] = positionals;
    if (!(GENERATORS as readonly string[]).includes(generator)) {
      throw new InputError(`unknown generator "${generator}"; the generators are: ${GENERATORS.join(', ')}`);
    }
    if (extra.length > 0) throw new InputError(`unexpected arguments: ${extra.join(' ')}`);
    if (values.name !== undefined && positionalName !== undefined && values.name !== positionalName) {
      throw new InputError(`two names given ("${positionalName}" and --name "${values.name}"); give one`);
    }
    if (values.family !== undefined && positionalFamily !== undefined && values.family !== positionalFamily) {
      throw new InputError(`two families given ("${positionalFamily}" and --family "${values.family}"); give one`);
    }

    const name = values.name ?? positionalName ?? (await askName(io));
    // Check the name before asking for the family: a bad name should not cost a second answer.
    const problem = nameProblem(name);
    if (problem) throw new InputError(problem);
    const family = values.family ?? positionalFamily ?? (await askFamily(io));

    const plan = await planTrigger(io.root, name, family);
    await writePlan(io.root, plan);
    io.out(`Created ${plan.appDir}, a ${plan.family} trigger (version 0.1.0, fails ${describePolicy(plan.family)}):`);
    for (const file of plan.files) io.out(`  ${file.path}`);

    let installed: string | undefined = 'skipped';
    if (!values['skip-install']) {
      io.out('\nLinking it into the workspace: pnpm install (local store first, then offline)...');
      installed = (io.install ?? installWorkspace)(io.root);
    }
    if (installed === undefined) {
      io.err(
        `\ngen: the app was created, but pnpm install failed (see above). Run "pnpm install" at the repo root, then build and test.`,
      );
      return 2;
    }
    io.out(
      [
        '',
        installed === 'skipped'
          ? 'Not installed (--skip-install): run "pnpm install" at the repo root next.'
          : `Installed (${installed}).`,
        `Next: write the logic in ${plan.appDir}/src/handler.ts (look for TODO), settings in src/config.ts and the README's table,`,
        `then: pnpm build && pnpm test --filter=${plan.name}`,
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`gen: ${error.message}\nNothing was written.`);
      return 1;
    }
    throw error;
  }
}

function describePolicy(family: TriggerFamilyName): string {
  const policy = failurePolicyOf(family);
  return policy === 'return-event' ? 'open' : policy === 'reject' ? 'closed' : 'by rethrowing for a retry';
}

async function askName(io: CliIo): Promise<string> {
  if (!io.ask)
    throw new InputError(
      '--name is required when not run in a terminal (pnpm gen trigger --name <name> --family <family>)',
    );
  for (;;) {
    const answer = (await io.ask('App name (kebab-case, e.g. signup-gate): ')).trim();
    const problem =
      nameProblem(answer) ?? (existsSync(join(io.root, 'apps', answer)) ? `apps/${answer} already exists` : undefined);
    if (!problem) return answer;
    io.err(`  ${problem}`);
  }
}

async function askFamily(io: CliIo): Promise<string> {
  if (!io.ask)
    throw new InputError(`--family is required when not run in a terminal; one of: ${FAMILY_NAMES.join(', ')}`);
  io.out('Trigger families:');
  FAMILY_NAMES.forEach((family, index) => io.out(`  ${String(index + 1).padStart(2)}. ${family}`));
  for (;;) {
    const answer = (await io.ask(`Trigger family (1-${FAMILY_NAMES.length} or a name): `)).trim();
    const byNumber = /^\d+$/.test(answer) ? FAMILY_NAMES[Number(answer) - 1] : undefined;
    if (byNumber) return byNumber;
    try {
      return resolveFamily(answer);
    } catch (error) {
      io.err(`  ${(error as Error).message}`);
    }
  }
}
