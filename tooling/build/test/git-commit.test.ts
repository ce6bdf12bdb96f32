import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCommit } from '../src/index';

describe('resolveCommit', () => {
  it('prefers TRIGGER_COMMIT over GITHUB_SHA', () => {
    expect(resolveCommit({ TRIGGER_COMMIT: 'aaa', GITHUB_SHA: 'bbb' }, process.cwd())).toBe('aaa');
  });

  it('uses GITHUB_SHA in GitHub Actions', () => {
    expect(resolveCommit({ GITHUB_SHA: 'bbb' }, process.cwd())).toBe('bbb');
  });

  it('asks git for HEAD when no variable is set', () => {
    expect(resolveCommit({}, process.cwd())).toMatch(/^([0-9a-f]{40}|unknown)$/);
  });

  it('says unknown outside a git checkout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'no-git-'));
    try {
      expect(resolveCommit({}, dir)).toBe('unknown');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
