import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS } from '@cognito-triggers/local-stack';
import { findWorkspaceRoot } from '@cognito-triggers/workspace';
import { describe, expect, it } from 'vitest';

const root = findWorkspaceRoot(import.meta.dirname);
const wiredApps = FUNCTIONS.map((wiring) => wiring.app);
const dependencies = (dir: string) =>
  Object.keys(
    (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> })
      .dependencies ?? {},
  );

// A new app (say from `pnpm gen trigger`) joins the local stack when a team adds it to the
// functions table; until then the stack runs without it. What must never happen is a wired app
// that the stack cannot find or that turbo does not build before the demo and these tests.
describe('the local stack wiring (tooling/local-stack/src/functions.ts)', () => {
  it.each(wiredApps)('names %s, an app that exists in apps/', (app) => {
    expect(existsSync(join(root, 'apps', app, 'package.json'))).toBe(true);
  });

  // turbo builds a package's dependencies before its demo and tests: an app missing here would be skipped as "not built".
  it.each(wiredApps)(
    'has %s built before the end-to-end tests and the demo (a workspace:* dependency of both)',
    (app) => {
      expect(dependencies('tooling/e2e')).toContain(app);
      expect(dependencies('tooling/demo')).toContain(app);
    },
  );
});
