// pnpm settings:write: writes every app's package.json environment lists and README configuration
// tables from its src/settings.ts, so that they never need a hand edit.
import { listTriggerApps } from './apps';
import { findWorkspaceRoot } from './root';
import { writeAppSettings } from './write-settings';

const root = findWorkspaceRoot();
let changed = 0;
for (const app of listTriggerApps(root)) {
  for (const file of await writeAppSettings(app, root)) {
    console.log(`wrote ${file}`);
    changed += 1;
  }
}
console.log(changed === 0 ? 'Every app already agrees with its settings.' : `${changed} file(s) written.`);
