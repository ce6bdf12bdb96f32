import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beginMarker, checkAppSettings, END_MARKER, listTriggerApps, writeAppSettings } from '../src/index';

// A small workspace per case: one app whose declaration, readConfig, package.json and README
// agree, and one thing changed.
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const SETTINGS = `export const SETTINGS = {
  EMAIL_FROM: { required: true, meaning: 'sender', local: 'hello@acme.example' },
  APP_NAME: { default: 'our app', meaning: 'product name' },
  LOG_LEVEL: { default: 'INFO', readBy: 'trigger-core', meaning: 'level' },
};
`;
const CONFIG = `export function readConfig(env) {
  return { from: env.required('EMAIL_FROM'), appName: env.optional('APP_NAME', 'our app') };
}
`;
const TABLE = [
  '| variable | required | default | meaning |',
  '|---|---|---|---|',
  '| `EMAIL_FROM` | yes | | sender |',
  '| `APP_NAME` | no | `our app` | product name |',
  '| `LOG_LEVEL` | no | `INFO` | level |',
].join('\n');
const README = `# welcome\n\n## Configuration\n\n${beginMarker('welcome')}\n${TABLE}\n${END_MARKER}\n`;
const MANIFEST = {
  name: 'welcome',
  cognitoTrigger: {
    slot: 'postConfirmation',
    environment: { required: ['EMAIL_FROM'], optional: ['APP_NAME', 'LOG_LEVEL'] },
  },
};

function workspace(
  change: { settings?: string; config?: string; readme?: string; manifest?: object; rootReadme?: string } = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'settings-check-'));
  roots.push(root);
  const app = join(root, 'apps', 'welcome');
  mkdirSync(join(app, 'src'), { recursive: true });
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - apps/*\n');
  writeFileSync(join(root, 'README.md'), change.rootReadme ?? '# root\n');
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(change.manifest ?? MANIFEST, null, 2)}\n`);
  writeFileSync(join(app, 'README.md'), change.readme ?? README);
  writeFileSync(join(app, 'src', 'settings.ts'), change.settings ?? SETTINGS);
  writeFileSync(join(app, 'src', 'config.ts'), change.config ?? CONFIG);
  const [only] = listTriggerApps(root);
  if (!only) throw new Error('the fixture app is missing');
  return { root, app: only };
}

async function problems(change: Parameters<typeof workspace>[0]): Promise<string[]> {
  const { root, app } = workspace(change);
  return checkAppSettings(app, root);
}

describe('checkAppSettings', () => {
  it('finds nothing wrong when readConfig, package.json and the README agree with the declaration', async () => {
    expect(await problems({})).toEqual([]);
  });

  it('fails when package.json lists a variable the declaration does not have', async () => {
    const manifest = {
      ...MANIFEST,
      cognitoTrigger: {
        ...MANIFEST.cognitoTrigger,
        environment: { required: ['EMAIL_FROM'], optional: ['APP_NAME', 'APP_URL', 'LOG_LEVEL'] },
      },
    };
    expect(await problems({ manifest })).toEqual([
      'apps/welcome/package.json: cognitoTrigger.environment is {"required":["EMAIL_FROM"],"optional":["APP_NAME","APP_URL","LOG_LEVEL"]}, but src/settings.ts declares {"required":["EMAIL_FROM"],"optional":["APP_NAME","LOG_LEVEL"]} (run pnpm settings:write, which writes them from src/settings.ts)',
    ]);
  });

  it('fails when the README table was edited by hand, or the root README has a stale copy', async () => {
    const edited = README.replace('`our app`', '`Our App`');
    const rootReadme = `# root\n\n${beginMarker('welcome')}\n| variable |\n${END_MARKER}\n`;
    expect(await problems({ readme: edited, rootReadme })).toEqual([
      'apps/welcome/README.md: the configuration table of welcome differs from src/settings.ts (run pnpm settings:write, which writes them from src/settings.ts)',
      'README.md: the configuration table of welcome differs from src/settings.ts (run pnpm settings:write, which writes them from src/settings.ts)',
    ]);
  });

  it('fails when the README has no generated table', async () => {
    expect(await problems({ readme: `# welcome\n\n${TABLE}\n` })).toEqual([
      'apps/welcome/README.md has no configuration table generated from src/settings.ts (the markers <!-- settings:begin welcome --> and <!-- settings:end -->)',
    ]);
  });

  it('fails when readConfig reads a variable the declaration lacks, or never reads a declared one', async () => {
    const config = `export function readConfig(env) {
  return { from: env.required('EMAIL_FROM'), title: env.optional('APP_TITLE', 'our app') };
}
`;
    expect(await problems({ config })).toEqual([
      'apps/welcome: readConfig reads APP_TITLE, which src/settings.ts does not declare',
      'apps/welcome: src/settings.ts declares APP_NAME, which readConfig never reads',
    ]);
  });

  it('fails when readConfig and the declaration disagree on what is required', async () => {
    const config = `export function readConfig(env) {
  return { from: env.optional('EMAIL_FROM'), appName: env.required('APP_NAME') };
}
`;
    const settings = SETTINGS.replace("meaning: 'product name'", "meaning: 'product name', local: 'Acme'");
    expect(await problems({ config, settings })).toEqual([
      'apps/welcome: src/settings.ts says EMAIL_FROM is required, but readConfig accepts it unset',
      'apps/welcome: src/settings.ts says APP_NAME is optional, but readConfig refuses it unset: APP_NAME is required but is not set',
    ]);
  });

  it('fails when the default readConfig applies is not the declared one', async () => {
    const config = CONFIG.replace("env.optional('APP_NAME', 'our app')", "env.optional('APP_NAME', 'Our App')");
    expect(await problems({ config })).toEqual([
      'apps/welcome: src/settings.ts says APP_NAME defaults to "our app", but readConfig reads it unset differently',
    ]);
  });

  it('looks for a setting read only under other values there, and fails when it is still never read', async () => {
    const config = `export function readConfig(env) {
  const store = env.oneOf('STORE', ['table', 'http'], 'table');
  return { from: env.required('EMAIL_FROM'), appName: env.optional('APP_NAME', 'our app'), url: store === 'http' ? env.required('URL') : undefined };
}
`;
    const withUrl = (readWhen: string) =>
      SETTINGS.replace(
        '  LOG_LEVEL:',
        `  STORE: { default: 'table', meaning: 'store' },\n  URL: { required: 'with http', meaning: 'endpoint'${readWhen} },\n  LOG_LEVEL:`,
      );
    const readme = (table: string) => README.replace(TABLE, table);
    const table = TABLE.replace(
      '| `LOG_LEVEL`',
      '| `STORE` | no | `table` | store |\n| `URL` | with http | | endpoint |\n| `LOG_LEVEL`',
    );
    const manifest = {
      ...MANIFEST,
      cognitoTrigger: {
        ...MANIFEST.cognitoTrigger,
        environment: { required: ['EMAIL_FROM'], optional: ['APP_NAME', 'STORE', 'URL', 'LOG_LEVEL'] },
      },
    };
    expect(
      await problems({ config, settings: withUrl(", readWhen: { STORE: 'http' }"), readme: readme(table), manifest }),
    ).toEqual([]);
    expect(await problems({ config, settings: withUrl(''), readme: readme(table), manifest })).toEqual([
      'apps/welcome: src/settings.ts declares URL, which readConfig never reads',
    ]);
  });

  it("fails when readConfig refuses the local stack's values", async () => {
    const settings = SETTINGS.replace("local: 'hello@acme.example'", '');
    expect(await problems({ settings })).toEqual([
      'apps/welcome: readConfig refuses the local stack\'s values (EMAIL_FROM is required but is not set): give every required setting a valid "local" value',
    ]);
  });

  it('fails when the app has no declaration, a malformed one, or none for LOG_LEVEL', async () => {
    expect(await problems({ settings: 'export const OTHER = {};\n' })).toEqual([
      'apps/welcome/src/settings.ts: SETTINGS must be an object of settings by variable name',
    ]);
    const withoutLogLevel = SETTINGS.replace(
      "  LOG_LEVEL: { default: 'INFO', readBy: 'trigger-core', meaning: 'level' },\n",
      '',
    );
    expect(await problems({ settings: withoutLogLevel })).toContain(
      "apps/welcome/src/settings.ts must declare LOG_LEVEL with readBy 'trigger-core': trigger-core reads it for every trigger",
    );
    const { root, app } = workspace();
    rmSync(join(app.path, 'src', 'settings.ts'));
    expect(await checkAppSettings(app, root)).toEqual([
      'apps/welcome/src/settings.ts is missing: every app declares its settings there (export const SETTINGS)',
    ]);
  });
});

describe('writeAppSettings', () => {
  it('writes package.json and both READMEs from the declaration, after which the check passes', async () => {
    const manifest = {
      ...MANIFEST,
      cognitoTrigger: { ...MANIFEST.cognitoTrigger, environment: { required: [], optional: [] } },
    };
    const stale = `${beginMarker('welcome')}\n| stale |\n${END_MARKER}`;
    const { root, app } = workspace({
      manifest,
      readme: `# welcome\n\n${stale}\n`,
      rootReadme: `# root\n\n${stale}\n`,
    });
    expect(await writeAppSettings(app, root)).toEqual([
      'apps/welcome/package.json',
      'apps/welcome/README.md',
      'README.md',
    ]);
    const [rewritten] = listTriggerApps(root);
    expect(await checkAppSettings(rewritten!, root)).toEqual([]);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('| `APP_NAME` | no | `our app` | product name |');
    expect(await writeAppSettings(rewritten!, root)).toEqual([]);
  });
});
