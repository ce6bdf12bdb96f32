import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS, workspaceRoot } from '@cognito-triggers/local-stack';
import { describe, expect, it } from 'vitest';

const root = workspaceRoot();
const apps = readdirSync(join(root, 'apps')).filter((name) => existsSync(join(root, 'apps', name, 'package.json')));
const dependencies = (dir: string) => Object.keys((JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {});

describe('the local stack covers every trigger app', () => {
  it.each(apps)('wires %s in the functions table (tooling/local-stack/src/functions.ts)', (app) => {
    expect(FUNCTIONS.map((wiring) => wiring.app)).toContain(app);
  });

  // turbo builds a package's dependencies before its demo and tests: an app missing here would be skipped as "not built".
  it.each(apps)('has %s built before the end-to-end tests and the demo (a workspace:* dependency of both)', (app) => {
    expect(dependencies('tooling/e2e')).toContain(app);
    expect(dependencies('tooling/demo')).toContain(app);
  });
});
