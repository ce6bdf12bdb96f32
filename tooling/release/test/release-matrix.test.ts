import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployMatrix } from '../src/index';
import { POST_CONFIRMATION_FIELD } from './fixture';

describe('deployMatrix', () => {
  it('makes one deploy job per tagged trigger app and none for libraries or tooling', () => {
    const published = JSON.stringify([
      { name: '@cognito-triggers/trigger-core', version: '0.2.0' },
      { name: 'post-confirmation', version: '0.1.1' },
      { name: '@cognito-triggers/build', version: '0.0.1' },
    ]);
    expect(deployMatrix(published)).toEqual([
      { app: 'post-confirmation', version: '0.1.1', tag: 'post-confirmation@0.1.1' },
    ]);
  });

  it('deploys an app only when its package.json has a cognitoTrigger field', async () => {
    const root = await mkdtemp(join(tmpdir(), 'release-matrix-'));
    try {
      const apps = { 'post-confirmation': { cognitoTrigger: POST_CONFIRMATION_FIELD }, 'login-gate': {} };
      for (const [name, extra] of Object.entries(apps)) {
        await mkdir(join(root, 'apps', name), { recursive: true });
        await writeFile(join(root, 'apps', name, 'package.json'), JSON.stringify({ name, version: '0.1.0', ...extra }));
      }
      const published = JSON.stringify([
        { name: 'login-gate', version: '0.1.0' },
        { name: 'post-confirmation', version: '0.1.1' },
      ]);
      expect(deployMatrix(published, root).map((job) => job.app)).toEqual(['post-confirmation']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('makes no jobs when nothing was tagged', () => {
    expect(deployMatrix('')).toEqual([]);
    expect(deployMatrix('[]')).toEqual([]);
  });

  it('rejects output that is not a list', () => {
    expect(() => deployMatrix('{"name":"post-confirmation"}')).toThrow('must be a JSON array');
  });
});
