import { loadTriggers } from './registry/index';

/**
 * One deploy job of the release workflow.
 *
 * @example
 * const job: DeployJob = { app: 'post-confirmation', version: '0.2.0', tag: 'post-confirmation@0.2.0' };
 */
export interface DeployJob {
  app: string;
  version: string;
  /** The git tag changesets created: `<app>@<version>`; the job checks it out. */
  tag: string;
}

/**
 * Turns changesets/action's `publishedPackages` output (the packages `changeset tag` just tagged)
 * into the release workflow's deploy matrix: only deployable triggers, one job each. trigger-core
 * and tooling are tagged too but deploy nothing themselves; the apps that bundle them were
 * bumped with them and so are in the list.
 *
 * @param root the repository root whose apps' package.json files say which apps deploy; by default
 *   the workspace above the current directory.
 * @example
 * deployMatrix('[{"name":"post-confirmation","version":"0.2.0"}]');
 * // [{ app: 'post-confirmation', version: '0.2.0', tag: 'post-confirmation@0.2.0' }]
 */
export function deployMatrix(publishedPackagesJson: string, root?: string): DeployJob[] {
  const published: unknown = JSON.parse(publishedPackagesJson || '[]');
  if (!Array.isArray(published)) throw new Error('publishedPackages must be a JSON array');
  const triggers = loadTriggers(root);
  const jobs: DeployJob[] = [];
  for (const entry of published as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, version } = entry as { name?: unknown; version?: unknown };
    if (typeof name !== 'string' || typeof version !== 'string') continue;
    if (!Object.hasOwn(triggers, name)) continue;
    jobs.push({ app: name, version, tag: `${name}@${version}` });
  }
  return jobs.sort((a, b) => a.app.localeCompare(b.app));
}
