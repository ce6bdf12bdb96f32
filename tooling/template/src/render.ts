import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import type { TriggerFamilyName } from '@cognito-triggers/trigger-core';
import {
  FAILURE_POLICY_TEXT,
  FAMILY_TEMPLATES,
  STARTER_SETTINGS,
  cognitoTriggerField,
  deploymentOf,
  failurePolicyOf,
  sourcesOf,
  type FamilyTemplate,
} from './families';
import { beginMarker, END_MARKER, settingsTable } from '@cognito-triggers/workspace';
import { pascalCase } from './names';

/**
 * Where the template files live: one file per generated file, `*.tmpl`.
 *
 * @example
 * const families = await readdir(join(TEMPLATES_DIR, 'families'));
 */
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates', import.meta.url));

/**
 * One file the generator will write, its path relative to the repo root (always with `/`).
 *
 * @example
 * const file: PlannedFile = { path: 'apps/signup-gate/README.md', content: '# signup-gate\n' };
 */
export interface PlannedFile {
  path: string;
  content: string;
}

/**
 * The values the templates' `{{placeholders}}` take for one app.
 *
 * @example
 * templateValues('signup-gate', 'PreSignUp').coreExport; // 'preSignUp'
 */
export function templateValues(name: string, family: TriggerFamilyName): Record<string, string> {
  const template: FamilyTemplate = FAMILY_TEMPLATES[family];
  const sources = sourcesOf(family);
  const policy = failurePolicyOf(family);
  return {
    name,
    family,
    coreExport: template.coreExport,
    eventType: template.eventType,
    configType: `${pascalCase(name)}Config`,
    failurePolicy: policy,
    failurePolicyText: FAILURE_POLICY_TEXT[policy],
    defaultBehaviour: template.defaultBehaviour,
    firstSource: sources[0] ?? '',
    sourcesLiteral: sources.map((source) => `  '${source}',`).join('\n'),
    sourcesTable: sources.map((source) => `| \`${source}\` | TODO |`).join('\n'),
    bundleEvent: template.bundleEvent,
    bundleFactory: template.bundleEvent.slice(0, template.bundleEvent.indexOf('(')),
    bundleExpectation: template.bundleExpectation,
    cognitoTriggerField: cognitoTriggerJson(family),
    deploySection: deploySection(name, family),
    settingsTable: [beginMarker(name), settingsTable(STARTER_SETTINGS), END_MARKER].join('\n'),
  };
}

/** The package.json's `cognitoTrigger` entry, written after its last field, or nothing for a family the tooling cannot deploy. */
function cognitoTriggerJson(family: TriggerFamilyName): string {
  const deployment = deploymentOf(family);
  if (!('slot' in deployment)) return '';
  const field = JSON.stringify(cognitoTriggerField(deployment.slot), null, 2).replaceAll('\n', '\n  ');
  return `,\n  "cognitoTrigger": ${field}`;
}

function deploySection(name: string, family: TriggerFamilyName): string {
  const deployment = deploymentOf(family);
  if (!('slot' in deployment)) {
    return [
      `**Not deployable by this repository's tooling yet**: ${deployment.reason}.`,
      'So its package.json has no `cognitoTrigger` field, and `pnpm deploy:trigger`, the CDK app and the',
      'release workflow leave it out. Until they support it, deploy it by hand:',
      '',
      `- Artifact: \`artifacts/${name}-<version>.zip\` (from \`pnpm package\`; \`index.mjs\` + source map), handler`,
      '  `index.handler`, runtime `nodejs24.x` (also runs on `nodejs22.x`), arm64 or x86_64.',
      `- Attach it to the user pool as the ${family} trigger.`,
      "- Set the Lambda timeout to at least 6 s; the trigger keeps itself within Cognito's 5 s.",
    ].join('\n');
  }
  return [
    `Deployable: the \`cognitoTrigger\` field of its package.json (user pool slot \`${deployment.slot}\`, the`,
    'environment it reads, the AWS access it needs, timeout and memory) is what `pnpm deploy:trigger`, the CDK',
    'app and the release workflow read; see docs/release-and-deploy.md. Its `environment` is written from',
    '`src/settings.ts` by `pnpm settings:write` (`required` ones stop a deploy when unset); pass a new variable',
    "in `.github/workflows/release.yml`'s deploy job too (a test checks that). Any AWS call beyond its logs needs",
    'an `awsAccess` the tooling grants (`ses-send` for SES e-mail).',
    '',
    `- Artifact: \`artifacts/${name}-<version>.zip\` (from \`pnpm package\`; \`index.mjs\` + source map), handler`,
    '  `index.handler`, runtime `nodejs24.x`, arm64.',
  ].join('\n');
}

/**
 * Replaces every `{{key}}` in a template. An unknown key is an error, so a typo in a template
 * fails the generator's tests instead of reaching a generated app.
 *
 * @example
 * renderTemplate('# {{name}}', { name: 'signup-gate' }); // '# signup-gate'
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string>>, source = 'template'): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`${source}: unknown placeholder {{${key}}}`);
    return value;
  });
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const toPosix = (path: string): string => path.split(sep).join('/');

/**
 * Renders every file of a new app, in memory: the shared app files (`templates/app/**`), the
 * family's handler, decision module and test (`templates/families/<family>/`), the failure-policy test of its
 * policy (`templates/failure-policy/`) and the changeset announcing it (`templates/changeset.md.tmpl`).
 *
 * @example
 * const files = await renderApp('signup-gate', 'PreSignUp');
 */
export async function renderApp(
  name: string,
  family: TriggerFamilyName,
  templatesDir = TEMPLATES_DIR,
): Promise<PlannedFile[]> {
  const values = templateValues(name, family);
  const appDir = `apps/${name}`;
  const sources: { template: string; path: string }[] = [];

  const appTemplates = join(templatesDir, 'app');
  for (const file of await listFiles(appTemplates)) {
    if (!file.endsWith('.tmpl')) continue;
    sources.push({
      template: file,
      path: `${appDir}/${toPosix(relative(appTemplates, file)).slice(0, -'.tmpl'.length)}`,
    });
  }
  const familyDir = join(templatesDir, 'families', FAMILY_TEMPLATES[family].dir);
  sources.push({ template: join(familyDir, 'handler.ts.tmpl'), path: `${appDir}/src/handler.ts` });
  sources.push({ template: join(familyDir, 'decide.ts.tmpl'), path: `${appDir}/src/decide.ts` });
  sources.push({ template: join(familyDir, 'handler.test.ts.tmpl'), path: `${appDir}/test/handler.test.ts` });
  sources.push({
    template: join(templatesDir, 'failure-policy', `${values.failurePolicy}.test.ts.tmpl`),
    path: `${appDir}/test/failure-policy.test.ts`,
  });
  sources.push({ template: join(templatesDir, 'changeset.md.tmpl'), path: changesetPath(name) });

  const files = await Promise.all(
    sources.map(async ({ template, path }) => ({
      path,
      content: renderTemplate(await readFile(template, 'utf8'), values, toPosix(relative(templatesDir, template))),
    })),
  );
  // The app's files in path order, the changeset last.
  return files.sort(
    (a, b) => Number(a.path.startsWith('.')) - Number(b.path.startsWith('.')) || a.path.localeCompare(b.path),
  );
}

/**
 * Where the changeset announcing a new app goes.
 *
 * @example
 * changesetPath('signup-gate'); // '.changeset/new-trigger-signup-gate.md'
 */
export function changesetPath(name: string): string {
  return `.changeset/new-trigger-${name}.md`;
}
