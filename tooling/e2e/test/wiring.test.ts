import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COGNITO_TRIGGERS, ON_REQUEST_TRIGGERS, loadFunctions, triggerKeyOfSlot } from '@cognito-triggers/local-stack';
import { findWorkspaceRoot, listTriggerApps } from '@cognito-triggers/workspace';
import { describe, expect, it } from 'vitest';

// A new app (say from `pnpm gen trigger`) joins the local stack, the demo and these tests with no
// hand edit: its package.json's cognitoTrigger.slot says which trigger it serves, its
// src/settings.ts its local values, and the root scripts build every app first.
const root = findWorkspaceRoot(import.meta.dirname);
const { table, skipped } = await loadFunctions(root);
const callable = listTriggerApps(root).filter((app) => {
  const slot = (app.cognitoTrigger as { slot?: unknown } | undefined)?.slot;
  const trigger = typeof slot === 'string' ? triggerKeyOfSlot(slot) : undefined;
  return (
    trigger !== undefined &&
    (COGNITO_TRIGGERS as readonly string[]).includes(trigger) &&
    !Object.hasOwn(ON_REQUEST_TRIGGERS, trigger)
  );
});
const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

describe('the local stack wiring (derived from apps/)', () => {
  it.each(callable.map((app) => app.dir))('wires %s, whose trigger cognito-local calls', (dir) => {
    expect(table.map((wiring) => wiring.app)).toContain(dir);
  });

  it('skips, saying so, only apps whose trigger cognito-local never calls, or that are wired on request', () => {
    for (const note of skipped) expect(note.reason).toMatch(/cognito-local does not call|wired only on request/);
    expect(skipped).toContainEqual(
      expect.objectContaining({ app: 'custom-email-sender', trigger: 'CustomEmailSender' }),
    );
  });

  // turbo cannot depend on "every app" (a dependsOn names packages one by one), so the commands
  // that run built apps build them all first; an app missing there would be skipped as "not built".
  it.each(['demo', 'stack', 'test', 'test:e2e'])('builds every app before pnpm %s', (script) => {
    expect(scripts[script]).toMatch(/^turbo run build --filter=\.\/apps\/\* [^&]*&& turbo run /);
  });
});
