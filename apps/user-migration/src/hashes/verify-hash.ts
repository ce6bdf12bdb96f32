import { createHash, pbkdf2, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import { argon2id } from 'hash-wasm';
import type { ParsedHash } from './parse-hash';

const UTF8 = new TextEncoder();
const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Uint8Array,
  keyLength: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * Checks `password` against a parsed stored hash, in constant time for a given hash: the key is
 * always derived in full, and compared with `timingSafeEqual` (bcryptjs compares its own output
 * with a constant-time loop). Each scheme runs on a well-kept implementation: bcryptjs (plain
 * JavaScript, so no native addon in the bundle), hash-wasm's argon2id (WebAssembly; node:crypto
 * has argon2 only from Node 24.7, and the bundle also runs on nodejs22.x), node:crypto's PBKDF2
 * and scrypt. The password is hashed as its UTF-8 bytes, as every one of these libraries does.
 *
 * @example
 * const parsed = parsePasswordHash(record.passwordHash);
 * if (!('problem' in parsed) && (await verifyPassword('hunter2', parsed))) migrate();
 */
export async function verifyPassword(password: string, parsed: ParsedHash): Promise<boolean> {
  // Cognito never sends an empty password, and hash-wasm refuses one: it matches nothing.
  if (password.length === 0) return false;
  switch (parsed.scheme) {
    case 'bcrypt': {
      // Django's bcrypt_sha256 hashes the password's SHA-256 hex digest, so length is not cut at 72 bytes.
      const input = parsed.prehash === 'sha256-hex' ? createHash('sha256').update(password).digest('hex') : password;
      return bcrypt.compare(input, parsed.hash);
    }
    case 'argon2id': {
      const derived = await argon2id({
        password: UTF8.encode(password),
        salt: parsed.salt,
        iterations: parsed.iterations,
        parallelism: parsed.parallelism,
        memorySize: parsed.memoryKiB,
        hashLength: parsed.hash.length,
        outputType: 'binary',
      });
      return timingSafeEqual(derived, parsed.hash);
    }
    case 'pbkdf2_sha256': {
      const derived = await pbkdf2Async(password, parsed.salt, parsed.iterations, parsed.hash.length, 'sha256');
      return timingSafeEqual(derived, parsed.hash);
    }
    case 'scrypt': {
      const { cost: N, blockSize: r, parallelism: p } = parsed;
      // node:crypto refuses above 32 MiB by default; the parser has already bounded 128 · N · r.
      const maxmem = 128 * N * r * 2 + 1_048_576;
      const derived = await scryptAsync(password, parsed.salt, parsed.hash.length, { N, r, p, maxmem });
      return timingSafeEqual(derived, parsed.hash);
    }
  }
}

// A bcrypt hash (cost 10, the most common in exports) of a random value nobody knows.
const DECOY_HASH: ParsedHash = {
  scheme: 'bcrypt',
  hash: '$2b$10$YGsfj2aYyVpFDg.n4.s10umUOoLBex9h5yygaQZve3InjVXAWmAwO',
  cost: 10,
  prehash: 'none',
};

/**
 * Spends about the time a bcrypt verification of cost 10 takes, for a user who does not exist, so
 * that "no such user" does not answer measurably faster than "wrong password". Always false.
 *
 * @example
 * if (!record) { await verifyDecoy(password); reject('user-not-found'); }
 */
export async function verifyDecoy(password: string): Promise<false> {
  await verifyPassword(password, DECOY_HASH);
  return false;
}
