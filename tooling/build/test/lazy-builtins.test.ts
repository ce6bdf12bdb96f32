import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { node24Binary } from '@cognito-triggers/lambda-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/index';

const exec = promisify(execFile);
let root: string;

const CHECKSUM = 'node_modules/@smithy/core/dist-es/submodules/checksum/crc32';
const INI_LOADER = 'node_modules/@smithy/core/dist-es/submodules/config/shared-ini-file-loader';

// The two SDK modules the plugin targets, as @smithy/core ships them (trimmed to the lines that matter).
const SDK_CRC32 = `import * as zlib from "node:zlib";
export const crc32 = typeof zlib.crc32 === "function" ? (data) => zlib.crc32(data) : undefined;`;
const SDK_READ_FILE = `import { readFile as fsReadFile } from "node:fs/promises";
export const readFile = (path) => fsReadFile(path, "utf8");`;

/** A minimal app whose src/handler.ts is `handler`, beside a fake @smithy/core made of `sdkFiles`. */
async function fixtureApp(name: string, handler: string, sdkFiles: Record<string, string>): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, version: '0.1.0' }));
  await writeFile(join(dir, 'src', 'handler.ts'), handler);
  for (const [path, source] of Object.entries(sdkFiles)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), source);
  }
  return dir;
}

const HANDLER = `
import { crc32 } from '../${CHECKSUM}/Crc32Node.js';
import { readFile } from '../${INI_LOADER}/readFile.js';
const loaded = () => process.moduleLoadList.filter((entry) => entry === 'NativeModule zlib' || entry === 'NativeModule fs/promises');
export const handler = async (event: { present: string; missing: string }, _context: unknown) => {
  const atImport = loaded();
  const missing = await readFile(event.missing).then(
    () => undefined,
    (error: NodeJS.ErrnoException) => ({ message: error.message, code: error.code, errno: error.errno, syscall: error.syscall, path: error.path }),
  );
  const afterMissing = loaded();
  const present = await readFile(event.present);
  return { atImport, missing, afterMissing, present, crc: crc32?.(new TextEncoder().encode('hello')), atEnd: loaded() };
};
`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trigger-build-lazy-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('node:zlib and node:fs/promises in a trigger bundle', () => {
  it('are not loaded by the import; the SDK gets the same CRC32, file contents and ENOENT error', async () => {
    const dir = await fixtureApp('lazy', HANDLER, {
      [`${CHECKSUM}/Crc32Node.js`]: SDK_CRC32,
      [`${INI_LOADER}/readFile.js`]: SDK_READ_FILE,
    });
    const { bundlePath } = await buildApp(dir);
    const present = join(dir, 'config');
    await writeFile(present, '[default]\nregion = eu-west-1\n');
    const missing = join(dir, 'no-such-dir', 'credentials');
    const script = `
      const { handler } = await import(${JSON.stringify(bundlePath)});
      const result = await handler({ present: ${JSON.stringify(present)}, missing: ${JSON.stringify(missing)} }, {});
      const fs = process.getBuiltinModule('node:fs/promises');
      const direct = await fs.readFile(${JSON.stringify(missing)}, 'utf8').catch((error) => ({ message: error.message, code: error.code, errno: error.errno, syscall: error.syscall, path: error.path }));
      console.log(JSON.stringify({ result, direct, zlibCrc: process.getBuiltinModule('node:zlib').crc32('hello') }));`;
    // The handler runs before the test's own fs/promises read, so what it saw loaded is the bundle's doing.
    const { stdout } = await exec(node24Binary(), ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '' },
    });
    const { result, direct, zlibCrc } = JSON.parse(stdout) as {
      result: Record<string, unknown>;
      direct: unknown;
      zlibCrc: number;
    };
    expect(result.atImport).toEqual([]);
    // A missing file: the error fs/promises gives, without loading it.
    expect(result.missing).toEqual(direct);
    expect(result.afterMissing).toEqual([]);
    expect(result.present).toBe('[default]\nregion = eu-west-1\n');
    expect(result.crc).toBe(zlibCrc);
    expect(result.atEnd).toEqual(['NativeModule fs/promises', 'NativeModule zlib']);
  });

  it('fails the build, naming the module, when another SDK module imports node:zlib', async () => {
    const dir = await fixtureApp(
      'moved',
      `import { crc32 } from '../${CHECKSUM}/Crc32Native.js';\nexport const handler = async () => crc32;`,
      {
        [`${CHECKSUM}/Crc32Native.js`]: SDK_CRC32,
      },
    );
    await expect(buildApp(dir)).rejects.toThrow(
      /Crc32Native\.js imports node:zlib, which LAZY_BUILTINS does not cover/,
    );
  });

  it('fails the build when the targeted SDK files no longer import the built-in', async () => {
    const dir = await fixtureApp(
      'changed',
      `import { crc32 } from '../${CHECKSUM}/Crc32Node.js';\nexport const handler = async () => crc32;`,
      {
        [`${CHECKSUM}/Crc32Node.js`]: `import { crc32 as native } from "./native.js";\nexport const crc32 = native;`,
        [`${CHECKSUM}/native.js`]: 'export const crc32 = () => 0;',
      },
    );
    await expect(buildApp(dir)).rejects.toThrow(
      /none of them imports node:zlib from a module matching .*Crc32Node.*the SDK has changed, update LAZY_BUILTINS/,
    );
  });

  it('fails the build when the SDK reads a name the stand-in does not export', async () => {
    const named = await fixtureApp(
      'named',
      `import { gzip } from '../${CHECKSUM}/Crc32Node.js';\nexport const handler = async () => gzip;`,
      {
        [`${CHECKSUM}/Crc32Node.js`]:
          'import { crc32, gzipSync } from "node:zlib";\nexport const gzip = gzipSync ?? crc32;',
      },
    );
    await expect(buildApp(named)).rejects.toThrow(
      /Crc32Node\.js uses gzipSync of node:zlib, which the stand-in .* does not provide/,
    );
    const namespace = await fixtureApp(
      'namespace',
      `import { gzip } from '../${CHECKSUM}/Crc32Node.js';\nexport const handler = async () => gzip;`,
      {
        [`${CHECKSUM}/Crc32Node.js`]: 'import * as zlib from "node:zlib";\nexport const gzip = zlib.gzipSync;',
      },
    );
    await expect(buildApp(namespace)).rejects.toThrow(/Crc32Node\.js uses gzipSync of node:zlib, which the stand-in/);
    const passedOn = await fixtureApp(
      'passed-on',
      `import { z } from '../${CHECKSUM}/Crc32Node.js';\nexport const handler = async () => z;`,
      {
        [`${CHECKSUM}/Crc32Node.js`]: 'import * as zlib from "node:zlib";\nexport const z = zlib;',
      },
    );
    await expect(buildApp(passedOn)).rejects.toThrow(/Crc32Node\.js uses \(the module itself\) of node:zlib/);
  });
});
