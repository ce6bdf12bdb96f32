import { execFileSync } from 'node:child_process';

/**
 * The commit an artifact is built from: `TRIGGER_COMMIT`, else `GITHUB_SHA` (set by GitHub
 * Actions), else `git rev-parse HEAD`, else `"unknown"` (a source tarball outside git).
 *
 * The variables come first because turbo hashes them (turbo.json declares both for `package`):
 * a commit read from git alone is invisible to turbo, so a cache hit would replay the manifest of
 * the first commit that produced the same bytes.
 *
 * @example
 * resolveCommit({ GITHUB_SHA: 'abc123' }, process.cwd()); // 'abc123'
 */
export function resolveCommit(environment: Readonly<Record<string, string | undefined>>, cwd: string): string {
  const fromEnvironment = environment.TRIGGER_COMMIT?.trim() || environment.GITHUB_SHA?.trim();
  if (fromEnvironment) return fromEnvironment;
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return head.trim() || 'unknown';
  } catch {
    // Not a git checkout, or no git at all: the manifest still gets written, just without provenance.
    return 'unknown';
  }
}
