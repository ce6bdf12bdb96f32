import { describe, expect, it } from 'vitest';
import { checkAppSettings, findWorkspaceRoot, listTriggerApps } from '../src/index';

// Each app declares its settings once (src/settings.ts). This fails, naming the file and the
// variable, when its readConfig, its package.json's cognitoTrigger.environment, its README's
// configuration table or the root README's copy disagree with that declaration.
const root = findWorkspaceRoot(import.meta.dirname);
const apps = listTriggerApps(root);

describe('every app agrees with its settings declaration', () => {
  it('has apps to check', () => {
    expect(apps.length).toBeGreaterThan(0);
  });

  it.each(apps.map((app) => [app.dir, app] as const))('%s', async (_dir, app) => {
    expect(await checkAppSettings(app, root)).toEqual([]);
  });
});
