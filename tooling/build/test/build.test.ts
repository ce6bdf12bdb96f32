import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, deterministicZip } from '../src/index';

const dirs: string[] = [];
async function fixtureApp(handlerSource: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trigger-build-'));
  dirs.push(dir);
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: '@acme/welcome', version: '1.0.0' }));
  if (handlerSource !== undefined) {
    await mkdir(join(dir, 'src'));
    await writeFile(join(dir, 'src', 'handler.ts'), handlerSource);
  }
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('deterministicZip', () => {
  it('gives byte-identical zips for the same files, whatever order they come in', () => {
    const a = deterministicZip({
      'index.mjs': Buffer.from('export const handler = 1;'),
      'index.mjs.map': Buffer.from('{}'),
    });
    const b = deterministicZip({
      'index.mjs.map': Buffer.from('{}'),
      'index.mjs': Buffer.from('export const handler = 1;'),
    });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('buildApp', () => {
  it('bundles src/handler.ts into an ESM dist/index.mjs that exports the handler, and zips it', async () => {
    const dir = await fixtureApp(
      'export const handler = async (event: unknown, _context: unknown) => ({ echoed: event });\n',
    );
    const result = await buildApp(dir);
    expect(result.name).toBe('welcome');
    const module = (await import(pathToFileURL(result.bundlePath).href)) as {
      handler: (event: unknown, context: unknown) => Promise<unknown>;
    };
    await expect(module.handler('hi', {})).resolves.toEqual({ echoed: 'hi' });
    const entries = unzipSync(await readFile(result.zipPath));
    expect(Object.keys(entries).sort()).toEqual(['index.mjs', 'index.mjs.map']);
  });

  it('builds the same zip twice from the same source', async () => {
    const dir = await fixtureApp('export const handler = async () => 42;\n');
    const first = await readFile((await buildApp(dir)).zipPath);
    const second = await readFile((await buildApp(dir)).zipPath);
    expect(first.equals(second)).toBe(true);
  });

  it('says where the handler must be when src/handler.ts is missing', async () => {
    const dir = await fixtureApp(undefined);
    await expect(buildApp(dir)).rejects.toThrow('src/handler.ts does not exist');
  });
});
