import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { codeSha256 } from './code-sha256';
import { LAMBDA_TARGET } from './lambda-target';

/**
 * Where `trigger-package` writes, relative to the app: turbo's `package` task caches this folder.
 *
 * @example
 * join(appDir, ARTIFACTS_DIR, MANIFEST_FILE); // apps/post-confirmation/artifacts/manifest.json
 */
export const ARTIFACTS_DIR = 'artifacts';

/**
 * The manifest's file name inside {@link ARTIFACTS_DIR}.
 *
 * @example
 * join(appDir, ARTIFACTS_DIR, MANIFEST_FILE);
 */
export const MANIFEST_FILE = 'manifest.json';

/**
 * What an artifact is: everything a deploy needs to know about the zip beside it, without
 * opening it.
 *
 * @example
 * const manifest: ArtifactManifest = JSON.parse(await readFile('artifacts/manifest.json', 'utf8'));
 */
export interface ArtifactManifest {
  /** The app's package name without scope, e.g. `post-confirmation`. */
  name: string;
  /** The app's version, from its package.json. */
  version: string;
  /** The zip's file name inside `artifacts/`: `<name>-<version>.zip`. */
  zipFile: string;
  /** Base64 SHA-256 of the zip, exactly as Lambda reports `CodeSha256`. */
  codeSha256: string;
  /** The zip's size in bytes. */
  size: number;
  runtime: typeof LAMBDA_TARGET.runtime;
  architecture: typeof LAMBDA_TARGET.architecture;
  handler: typeof LAMBDA_TARGET.handler;
  /** The git commit the zip was built from, or `unknown`. */
  commit: string;
}

/**
 * Describes a zip as an {@link ArtifactManifest}. Keys come out in a fixed order, so the same zip
 * and commit always give the same manifest bytes.
 *
 * @example
 * const manifest = createManifest({ name: 'post-confirmation', version: '0.1.0', zip, commit: 'abc123' });
 */
export function createManifest(input: {
  name: string;
  version: string;
  zip: Uint8Array;
  commit: string;
}): ArtifactManifest {
  return {
    name: input.name,
    version: input.version,
    zipFile: `${input.name}-${input.version}.zip`,
    codeSha256: codeSha256(input.zip),
    size: input.zip.byteLength,
    runtime: LAMBDA_TARGET.runtime,
    architecture: LAMBDA_TARGET.architecture,
    handler: LAMBDA_TARGET.handler,
    commit: input.commit,
  };
}

/**
 * Reads and checks an app's `artifacts/manifest.json` and its zip: the zip must exist and hash to
 * the manifest's `codeSha256`, so a deploy never uploads bytes the manifest does not describe.
 *
 * @example
 * const { manifest, zip } = await readArtifact('apps/post-confirmation');
 */
export async function readArtifact(
  appDir: string,
): Promise<{ manifest: ArtifactManifest; zip: Uint8Array; zipPath: string }> {
  const manifestPath = join(appDir, ARTIFACTS_DIR, MANIFEST_FILE);
  const text = await readFile(manifestPath, 'utf8').catch((error: unknown) => {
    throw new Error(`${manifestPath} is missing: run \`pnpm package\` first`, { cause: error });
  });
  const manifest = parseManifest(text, manifestPath);
  const zipPath = join(appDir, ARTIFACTS_DIR, manifest.zipFile);
  const zip = await readFile(zipPath).catch((error: unknown) => {
    throw new Error(`${zipPath} is missing: run \`pnpm package\` again`, { cause: error });
  });
  if (codeSha256(zip) !== manifest.codeSha256) {
    throw new Error(`${zipPath} does not match ${manifestPath} (CodeSha256 differs): run \`pnpm package\` again`);
  }
  return { manifest, zip, zipPath };
}

/**
 * Parses manifest text, naming the first field that is missing or wrong.
 *
 * @example
 * const manifest = parseManifest(await readFile(path, 'utf8'), path);
 */
export function parseManifest(text: string, source: string): ArtifactManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not JSON`, { cause: error });
  }
  if (typeof value !== 'object' || value === null) throw new Error(`${source} is not a JSON object`);
  const record = value as Record<string, unknown>;
  for (const key of ['name', 'version', 'zipFile', 'codeSha256', 'commit'] as const) {
    if (typeof record[key] !== 'string' || record[key] === '')
      throw new Error(`${source}: "${key}" must be a non-empty string`);
  }
  if (typeof record.size !== 'number') throw new Error(`${source}: "size" must be a number`);
  for (const key of ['runtime', 'architecture', 'handler'] as const) {
    if (record[key] !== LAMBDA_TARGET[key]) {
      throw new Error(`${source}: "${key}" is ${JSON.stringify(record[key])}, expected "${LAMBDA_TARGET[key]}"`);
    }
  }
  return record as unknown as ArtifactManifest;
}
