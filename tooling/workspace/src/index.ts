/**
 * What the tooling knows about the repository: where its root is and which trigger apps it has.
 */
export { findWorkspaceRoot } from './root';
export { APPS_DIR, AppManifestError, listTriggerApps, type TriggerApp } from './apps';
