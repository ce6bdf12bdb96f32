import { createHash } from 'node:crypto';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageApp, readArtifact } from '../src/index';

let appDir: string;

beforeEach(async () => {
  appDir = await mkdtemp(join(tmpdir(), 'trigger-package-'));
  await writeFile(join(appDir, 'package.json'), JSON.stringify({ name: 'pre-sign-up', version: '1.2.3' }));
  await mkdir(join(appDir, 'dist'));
  await writeFile(join(appDir, 'dist', 'index.mjs'), 'export const handler = async (event) => event;\n');
  await writeFile(join(appDir, 'dist', 'index.mjs.map'), '{"version":3,"sources":[],"mappings":""}');
});

afterEach(async () => {
  await rm(appDir, { recursive: true, force: true });
});

async function snapshot(): Promise<{ zip: Buffer; manifest: string }> {
  return {
    zip: await readFile(join(appDir, 'artifacts', 'pre-sign-up-1.2.3.zip')),
    manifest: await readFile(join(appDir, 'artifacts', 'manifest.json'), 'utf8'),
  };
}

describe('packageApp', () => {
  it('gives byte-identical zips and manifests when the same build is packaged twice', async () => {
    await packageApp(appDir, { commit: 'abc123' });
    const first = await snapshot();
    await rm(join(appDir, 'artifacts'), { recursive: true });
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // a later wall clock must not leak into the zip
    await packageApp(appDir, { commit: 'abc123' });
    const second = await snapshot();
    expect(second.zip.equals(first.zip)).toBe(true);
    expect(second.manifest).toBe(first.manifest);
  });

  it('records the CodeSha256 exactly as Lambda reports it: base64 of the SHA-256 of the zip', async () => {
    const { manifest } = await packageApp(appDir, { commit: 'abc123' });
    const zip = await readFile(join(appDir, 'artifacts', manifest.zipFile));
    expect(manifest).toEqual({
      name: 'pre-sign-up',
      version: '1.2.3',
      zipFile: 'pre-sign-up-1.2.3.zip',
      codeSha256: createHash('sha256').update(zip).digest('base64'),
      size: zip.byteLength,
      runtime: 'nodejs24.x',
      architecture: 'arm64',
      handler: 'index.handler',
      commit: 'abc123',
    });
  });

  it('keeps only the current version in artifacts/', async () => {
    await packageApp(appDir, { commit: 'abc123' });
    await writeFile(join(appDir, 'package.json'), JSON.stringify({ name: 'pre-sign-up', version: '1.2.4' }));
    await packageApp(appDir, { commit: 'def456' });
    expect((await readdir(join(appDir, 'artifacts'))).sort()).toEqual(['manifest.json', 'pre-sign-up-1.2.4.zip']);
  });

  it('fails when the zip is over its size budget, naming both sizes', async () => {
    await expect(packageApp(appDir, { commit: 'abc123', maxZipBytes: 10 })).rejects.toThrow(
      /over its budget of 10 bytes/,
    );
  });

  it('tells the user to build first when dist/ is missing', async () => {
    await rm(join(appDir, 'dist'), { recursive: true });
    await expect(packageApp(appDir, { commit: 'abc123' })).rejects.toThrow(/build the app first/);
  });
});

describe('readArtifact', () => {
  it('returns the manifest and the zip it describes', async () => {
    const { manifest } = await packageApp(appDir, { commit: 'abc123' });
    const artifact = await readArtifact(appDir);
    expect(artifact.manifest).toEqual(manifest);
    expect(artifact.zip.byteLength).toBe(manifest.size);
  });

  it('refuses a zip that no longer matches its manifest', async () => {
    const { zipPath } = await packageApp(appDir, { commit: 'abc123' });
    await writeFile(zipPath, 'not the packaged zip');
    await expect(readArtifact(appDir)).rejects.toThrow(/CodeSha256 differs/);
  });

  it('tells the user to run pnpm package when there is no manifest', async () => {
    await expect(readArtifact(appDir)).rejects.toThrow(/run `pnpm package` first/);
  });
});
