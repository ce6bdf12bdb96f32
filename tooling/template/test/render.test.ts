import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkAppSettings, listTriggerApps } from '@cognito-triggers/workspace';
import { describe, expect, it } from 'vitest';
import { deploymentOf, FAMILY_NAMES, FAMILY_TEMPLATES, sourcesOf } from '../src/families';
import { renderApp, renderTemplate, TEMPLATES_DIR, templateValues } from '../src/render';

const EXPECTED_FILES = [
  '.changeset/new-trigger-signup-gate.md',
  'apps/signup-gate/CHANGELOG.md',
  'apps/signup-gate/README.md',
  'apps/signup-gate/eslint.config.js',
  'apps/signup-gate/package.json',
  'apps/signup-gate/src/config.ts',
  'apps/signup-gate/src/decide.ts',
  'apps/signup-gate/src/handler.ts',
  'apps/signup-gate/src/settings.ts',
  'apps/signup-gate/test/bundle.test.ts',
  'apps/signup-gate/test/config.test.ts',
  'apps/signup-gate/test/failure-policy.test.ts',
  'apps/signup-gate/test/handler.test.ts',
  'apps/signup-gate/tsconfig.json',
  'apps/signup-gate/vitest.config.ts',
];

describe('renderTemplate', () => {
  it('fills placeholders and refuses unknown ones, naming the template', () => {
    expect(renderTemplate('# {{name}} ({{ family }})', { name: 'a', family: 'PreSignUp' })).toBe('# a (PreSignUp)');
    expect(() => renderTemplate('{{nmae}}', { name: 'a' }, 'app/README.md.tmpl')).toThrow(
      'app/README.md.tmpl: unknown placeholder {{nmae}}',
    );
  });
});

describe('renderApp', () => {
  it.each(FAMILY_NAMES)('renders every file of a %s app, with no placeholder left', async (family) => {
    const files = await renderApp('signup-gate', family);
    expect(files.map((file) => file.path).sort()).toEqual(EXPECTED_FILES);
    for (const file of files) expect(file.content, file.path).not.toMatch(/\{\{|\}\}/);
  });

  it('writes a private package at version 0.1.0 with the shared build and test setup', async () => {
    const files = await renderApp('signup-gate', 'PreSignUp');
    const manifest = JSON.parse(files.find((file) => file.path.endsWith('package.json'))?.content ?? '{}') as Record<
      string,
      unknown
    >;
    expect(manifest).toMatchObject({
      name: 'signup-gate',
      version: '0.1.0',
      private: true,
      type: 'module',
      scripts: { build: 'trigger-build', typecheck: 'tsc -p tsconfig.json', lint: 'eslint .', test: 'vitest run' },
      dependencies: { '@cognito-triggers/trigger-core': 'workspace:*' },
    });
    const devDependencies = Object.values(manifest.devDependencies as Record<string, string>);
    expect(devDependencies.every((version) => version === 'catalog:' || version === 'workspace:*')).toBe(true);
  });

  it.each(FAMILY_NAMES)(
    'makes a %s app deployable exactly when the CDK user-pool stack can wire its slot',
    async (family) => {
      const files = await renderApp('signup-gate', family);
      const manifest = JSON.parse(files.find((file) => file.path.endsWith('package.json'))?.content ?? '{}') as {
        cognitoTrigger?: unknown;
      };
      const readme = files.find((file) => file.path.endsWith('README.md'))?.content ?? '';
      const deployment = deploymentOf(family);
      if (!('slot' in deployment)) {
        expect(manifest.cognitoTrigger).toBeUndefined();
        expect(readme).toContain(`Not deployable by this repository's tooling yet**: ${deployment.reason}.`);
      } else {
        expect(manifest.cognitoTrigger).toEqual({
          slot: deployment.slot,
          environment: { required: [], optional: ['LOG_LEVEL'] },
          awsAccess: 'none',
          timeoutSeconds: 5,
          memoryMiB: 256,
        });
        expect(readme).not.toContain('Not deployable');
      }
    },
  );

  it('leaves out only the families the CDK user-pool stack cannot wire: inbound federation and the custom SMS sender', () => {
    const undeployable = FAMILY_NAMES.filter((family) => !('slot' in deploymentOf(family)));
    expect(undeployable.sort()).toEqual(['CustomSMSSender', 'InboundFederation']);
    expect(deploymentOf('PreTokenGeneration')).toEqual({ slot: 'preTokenGeneration' });
    expect(deploymentOf('CustomEmailSender')).toEqual({ slot: 'customEmailSender' });
    expect(JSON.stringify(deploymentOf('CustomSMSSender'))).toContain('configures no SMS delivery');
  });

  it('wires the handler through trigger-core with the family object and the service name', async () => {
    for (const family of FAMILY_NAMES) {
      const handler =
        (await renderApp('signup-gate', family)).find((file) => file.path.endsWith('src/handler.ts'))?.content ?? '';
      const { coreExport } = FAMILY_TEMPLATES[family];
      expect(handler, family).toContain(`defineTrigger(${coreExport}, { service: 'signup-gate', config: readConfig }`);
      expect(handler, family).toContain('TODO(signup-gate)');
    }
  });

  it('gives every family the one app layout: a named handler function in src/handler.ts that uses src/decide.ts', async () => {
    for (const family of FAMILY_NAMES) {
      const files = await renderApp('signup-gate', family);
      const handler = files.find((file) => file.path.endsWith('src/handler.ts'))?.content ?? '';
      const decide = files.find((file) => file.path.endsWith('src/decide.ts'))?.content ?? '';
      const passed = /config: readConfig \}, (\w+)\);/.exec(handler)?.[1];
      expect(passed, family).toBeDefined();
      expect(handler, family).toMatch(new RegExp(`function ${passed ?? ''}\\(`));
      expect(handler, family).toContain("from './decide'");
      // Pure: the decision module imports no SDK or Node module and reads no environment or randomness.
      expect(decide, family).not.toMatch(/^import [^\n]*from '(@aws-sdk|node:)|process\.env|Math\.random/m);
    }
  });

  it("lists every trigger source in the README and in the family's test", async () => {
    for (const family of FAMILY_NAMES) {
      const files = await renderApp('signup-gate', family);
      const readme = files.find((file) => file.path.endsWith('README.md'))?.content ?? '';
      const test = files.find((file) => file.path.endsWith('test/handler.test.ts'))?.content ?? '';
      for (const source of sourcesOf(family)) {
        expect(readme, `${family} README`).toContain(`\`${source}\``);
        expect(test, `${family} test`).toContain(`'${source}'`);
      }
    }
  });

  it('gives the README the configuration table of its settings (LOG_LEVEL) and the changeset a minor bump of the new app', async () => {
    const files = await renderApp('signup-gate', 'UserMigration');
    const readme = files.find((file) => file.path.endsWith('README.md'))?.content ?? '';
    expect(readme).toContain(
      '| variable | required | default | meaning |\n|---|---|---|---|\n| `LOG_LEVEL` | no | `INFO` | `DEBUG`, `INFO`, `WARN` or `ERROR` (else `AWS_LAMBDA_LOG_LEVEL`) |\n<!-- settings:end -->',
    );
    const changeset = files.find((file) => file.path.startsWith('.changeset/'))?.content ?? '';
    expect(changeset).toMatch(/^---\n"signup-gate": minor\n---\n/);
  });

  it.each(FAMILY_NAMES)(
    'generates a %s app whose readConfig, package.json and README agree with its src/settings.ts',
    async (family) => {
      const root = await mkdtemp(join(tmpdir(), 'render-settings-'));
      try {
        await writeFile(join(root, 'README.md'), '# root\n');
        // The app's tsconfig extends the root's; the check compiles its settings and config.
        await writeFile(
          join(root, 'tsconfig.base.json'),
          await readFile(join(TEMPLATES_DIR, '../../../tsconfig.base.json')),
        );
        for (const file of await renderApp('signup-gate', family)) {
          await mkdir(dirname(join(root, file.path)), { recursive: true });
          await writeFile(join(root, file.path), file.content);
        }
        const [app] = listTriggerApps(root);
        expect(app?.dir).toBe('signup-gate');
        if (app) expect(await checkAppSettings(app, root)).toEqual([]);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  );

  it('picks the failure-policy test of the family', () => {
    expect(templateValues('a', 'PostConfirmation').failurePolicy).toBe('return-event');
    expect(templateValues('a', 'PreSignUp').failurePolicy).toBe('reject');
    expect(templateValues('a', 'CustomSMSSender').failurePolicy).toBe('rethrow');
  });
});

describe('the templates folder', () => {
  it('has a handler, a decision module and a test template for every family, and nothing for unknown ones', async () => {
    const dirs = (await readdir(join(TEMPLATES_DIR, 'families'))).sort();
    expect(dirs).toEqual(FAMILY_NAMES.map((family) => FAMILY_TEMPLATES[family].dir).sort());
    for (const dir of dirs)
      expect((await readdir(join(TEMPLATES_DIR, 'families', dir))).sort()).toEqual([
        'decide.ts.tmpl',
        'handler.test.ts.tmpl',
        'handler.ts.tmpl',
      ]);
  });

  it('uses only placeholders the generator fills', async () => {
    const known = new Set(Object.keys(templateValues('a', 'PreSignUp')));
    const entries = await readdir(TEMPLATES_DIR, { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((item) => item.isFile())) {
      const text = await readFile(join(entry.parentPath, entry.name), 'utf8');
      for (const match of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g))
        expect(known, `${entry.name}: ${match[1]}`).toContain(match[1]);
    }
  });
});
