/**
 * What the tooling knows about the repository: where its root is, which trigger apps it has, and
 * each app's one settings declaration, with the check and the writer that keep its package.json
 * and READMEs in step with it; and the commands its documents show, for the tests that run them.
 */
export { findWorkspaceRoot } from './root';
export { APPS_DIR, AppManifestError, listTriggerApps, type TriggerApp } from './apps';
export { DEPLOYABLE_SLOTS, familyOfSlot, slotNameOf, type SlotName } from './slots';
export {
  deployEnvironment,
  localEnvironment,
  settingsTable,
  type AppSettings,
  type LocalStackContext,
  type SettingDeclaration,
  type SettingReader,
} from './settings';
export { declarationProblems, loadAppSettings, SettingsDeclarationError, SETTINGS_FILE } from './load-settings';
export { CONFIG_FILE, LAMBDA_RUNTIME_ENVIRONMENT, readConfigProblems } from './probe-config';
export { beginMarker, END_MARKER, replaceSettingsBlocks, settingsBlocks, type SettingsBlock } from './readme';
export { checkAppSettings } from './check-settings';
export { docCommands, type DocCommand } from './doc-commands';
export { writeAppSettings } from './write-settings';
