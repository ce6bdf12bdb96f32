import { createHash } from 'node:crypto';

/**
 * The SHA-256 of a deployment package in base64, the form Lambda reports as `CodeSha256`, so a
 * manifest can be compared with `GetFunction` output as plain strings.
 *
 * @example
 * codeSha256(await readFile('artifacts/post-confirmation-0.1.0.zip')); // 'q1w2...='
 */
export function codeSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('base64');
}
