// The repo-root finder is the workspace package's; release re-exports it for its commands' callers.
export { findWorkspaceRoot } from '@cognito-triggers/workspace';
