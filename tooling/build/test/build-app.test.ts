import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, zipDist } from '../src/index';

let appDir: string;

beforeAll(async () => {
  appDir = await mkdtemp(join(tmpdir(), 'trigger-build-'));
  await writeFile(join(appDir, 'package.json'), JSON.stringify({ name: '@acme/custom-message', version: '0.1.0' }));
  await mkdir(join(appDir, 'src'));
  await writeFile(join(appDir, 'src', 'handler.ts'), 'export const handler = async (event: unknown) => event;\n');
});

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

describe('buildApp', () => {
  it('gives a byte-identical zip when the same source is built twice', async () => {
    const first = await readFile((await buildApp(appDir)).zipPath);
    const second = await readFile((await buildApp(appDir)).zipPath);
    expect(second.equals(first)).toBe(true);
  });

  it('names the zip after the package without its scope, and zips dist/ the way packaging does', async () => {
    const result = await buildApp(appDir);
    expect(result.zipPath).toBe(join(appDir, 'dist', 'custom-message.zip'));
    const packaged = await zipDist(join(appDir, 'dist'));
    expect(Buffer.from(packaged).equals(await readFile(result.zipPath))).toBe(true);
  });
});
