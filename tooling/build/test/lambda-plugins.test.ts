import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { node24Binary } from '@cognito-triggers/lambda-runtime';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_OPTIONS, buildApp } from '../src/index';

const exec = promisify(execFile);
let root: string;

/** A minimal app whose src/handler.ts is `source`. */
async function fixtureApp(name: string, source: string): Promise<string> {
  const dir = join(root, name);
  await mkdir(join(dir, 'src'), { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name, version: '0.1.0' }));
  await writeFile(join(dir, 'src', 'handler.ts'), source);
  return dir;
}

/** Imports a bundle on Node 24, calls its handler once, and says what came back and what Node loaded. */
async function runOnNode24(
  bundlePath: string,
  env: Record<string, string> = {},
): Promise<{ result?: unknown; error?: { name: string; message: string }; loadedUndici: boolean }> {
  const script = `
    const { handler } = await import(${JSON.stringify(bundlePath)});
    const outcome = await handler({}, {}).then((result) => ({ result }), (e) => ({ error: { name: e.name, message: e.message } }));
    const loadedUndici = process.moduleLoadList.some((entry) => entry.includes('undici'));
    console.log(JSON.stringify({ ...outcome, loadedUndici }));`;
  const { stdout } = await exec(node24Binary(), ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return JSON.parse(stdout) as { result?: unknown; error?: { name: string; message: string }; loadedUndici: boolean };
}

const USES_BUILTINS = `
import { STATUS_CODES } from 'node:http';
import { createHash } from 'crypto';
import fs from 'node:fs';
import * as path from 'node:path';
export const handler = async (_event: unknown, _context: unknown) => ({
  status: STATUS_CODES[200],
  hash: createHash('sha256').update('x').digest('hex').slice(0, 8),
  readFile: typeof fs.readFileSync,
  sep: path.sep,
});
`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'trigger-build-plugins-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a trigger bundle and Node built-ins', () => {
  it("loads them through require, so importing the bundle does not load Node's bundled undici", async () => {
    const dir = await fixtureApp('builtins', USES_BUILTINS);
    const { bundlePath } = await buildApp(dir);
    const run = await runOnNode24(bundlePath);
    expect(run.result).toEqual({ status: 'OK', hash: '2d711642', readFile: 'function', sep: '/' });
    expect(run.loadedUndici).toBe(false);
    // The only ES import of a built-in left is the banner's node:module, which has no lazy getters.
    const imports = [...(await readFile(bundlePath, 'utf8')).matchAll(/from\s*["'](node:[^"']+)["']/g)].map(
      (m) => m[1],
    );
    expect(imports).toEqual(['node:module']);
  });

  it('is what makes the difference: the same handler bundled with ES imports of built-ins loads undici', async () => {
    const dir = await fixtureApp('builtins-imported', USES_BUILTINS);
    const outfile = join(dir, 'plain', 'index.mjs');
    await build({ ...BUNDLE_OPTIONS, entryPoints: [join(dir, 'src', 'handler.ts')], outfile, absWorkingDir: dir });
    const run = await runOnNode24(outfile);
    expect(run.result).toMatchObject({ status: 'OK' });
    expect(run.loadedUndici).toBe(true);
  });
});

describe('AWS credentials in a trigger bundle', () => {
  const USES_DEFAULT_CHAIN = `
import { defaultProvider } from '@aws-sdk/credential-provider-node';
export const handler = async (_event: unknown, _context: unknown) => {
  const { accessKeyId, sessionToken } = await defaultProvider()();
  return { accessKeyId, sessionToken };
};
`;

  it("come from the environment Lambda sets, through the SDK's default provider", async () => {
    const { bundlePath } = await buildApp(await fixtureApp('credentials', USES_DEFAULT_CHAIN));
    const run = await runOnNode24(bundlePath, {
      AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'session',
    });
    expect(run.result).toEqual({ accessKeyId: 'ASIAEXAMPLE', sessionToken: 'session' });
    // None of the rest of the chain is in the bundle: no SSO, STS, profile files or metadata service.
    const inputs = Object.keys(
      (
        JSON.parse(await readFile(join(root, 'credentials', 'dist', 'meta.json'), 'utf8')) as {
          inputs: Record<string, unknown>;
        }
      ).inputs,
    );
    expect(
      inputs.filter((input) =>
        /credential-provider-(node|sso|ini|process|web-identity|imds)|nested-clients/.test(input),
      ),
    ).toEqual([]);
  });

  it("fail with the SDK's own error, naming the environment, when the variables are missing", async () => {
    const { bundlePath } = await buildApp(await fixtureApp('no-credentials', USES_DEFAULT_CHAIN));
    const run = await runOnNode24(bundlePath);
    expect(run.error).toEqual({
      name: 'CredentialsProviderError',
      message: 'Unable to find environment variable credentials.',
    });
  });
});
