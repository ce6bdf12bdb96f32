import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { packageApp } from '@cognito-triggers/build';
import { loadTriggers } from '@cognito-triggers/release/registry';
import { docCommands, findWorkspaceRoot } from '@cognito-triggers/workspace';
import { addNagChecks, defineTriggerApp, readInfraConfig, synthesizeChecked } from '../src/index';

const root = findWorkspaceRoot(import.meta.dirname);
const DOCUMENT = 'docs/release-and-deploy.md';
/** What readInfraConfig itself reads without a stage, beside the apps' own variables. */
const INFRA_VARIABLES = [
  'TRIGGER_FUNCTION_PREFIX',
  'USER_POOL_NAME',
  'LOG_RETENTION_DAYS',
  'SES_IDENTITY_ARN',
  'TRIGGER_APPS',
];

/** The variables the document exports right before its stage-less `pnpm --filter @cognito-triggers/infra synth`. */
async function documentedRecipe(): Promise<Record<string, string>> {
  const commands = docCommands(await readFile(join(root, DOCUMENT), 'utf8'));
  const synth = commands.findIndex(({ words }) => words.join(' ') === 'pnpm --filter @cognito-triggers/infra synth');
  const recipe = commands[synth - 1];
  expect(synth, `${DOCUMENT} shows the synthesis without a stage`).toBeGreaterThan(0);
  expect(recipe?.words, `${DOCUMENT}: the line before it exports the variables`).toEqual(['export']);
  return { ...recipe!.assignments };
}

/**
 * A copy of this workspace's deployable apps (their real package.json, so their real
 * `cognitoTrigger` fields), each packaged from a stand-in bundle: the recipe is under test, not
 * the bundles, and no stage folder, so the configuration comes from the environment only.
 */
async function appsOnly(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'infra-recipe-'));
  await writeFile(join(dir, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  for (const trigger of Object.values(loadTriggers(root))) {
    const appDir = join(dir, trigger.appDir);
    await mkdir(join(appDir, 'dist'), { recursive: true });
    await writeFile(join(appDir, 'package.json'), await readFile(join(root, trigger.appDir, 'package.json')));
    await writeFile(join(appDir, 'dist', 'index.mjs'), 'export const handler = async (event) => event;');
    await writeFile(join(appDir, 'dist', 'index.mjs.map'), '{}');
    await packageApp(appDir, { commit: 'recipe' });
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

describe("the documentation's synthesis recipe without a stage", () => {
  it('synthesizes every deployable app but the second e-mail writer, cdk-nag clean, with exactly its variables', async () => {
    const recipe = await documentedRecipe();
    const workspace = await appsOnly();
    try {
      const config = await readInfraConfig(recipe, workspace.dir);
      // A pool runs one of custom-message and custom-email-sender: the recipe picks custom-message.
      expect(config.triggers.map(({ trigger }) => trigger.name).sort()).toEqual(
        Object.keys(loadTriggers(root))
          .filter((name) => name !== 'custom-email-sender')
          .sort(),
      );
      const app = new App({ outdir: join(workspace.dir, 'cdk.out') });
      addNagChecks(app);
      defineTriggerApp(app, config);
      expect(synthesizeChecked(app).stacks.map((stack) => stack.stackName)).toContain('cognito-user-pool');
    } finally {
      await workspace.remove();
    }
  });

  it('names only variables something reads', async () => {
    const read = new Set(INFRA_VARIABLES);
    for (const trigger of Object.values(loadTriggers(root))) {
      for (const name of [...trigger.environment.required, ...trigger.environment.optional]) read.add(name);
    }
    expect(Object.keys(await documentedRecipe()).filter((name) => !read.has(name))).toEqual([]);
  });
});
