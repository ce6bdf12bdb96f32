import { decodePaddedBase64, decodePhcBase64, parseBoundedInteger } from './encoding';
import { HASH_LIMITS } from './limits';

/**
 * The hash schemes the trigger verifies.
 *
 * @example
 * const scheme: HashScheme = 'argon2id';
 */
export type HashScheme = 'bcrypt' | 'argon2id' | 'pbkdf2_sha256' | 'scrypt';

/**
 * A stored password hash, read into what its verifier needs.
 *
 * @example
 * const parsed = parsePasswordHash('pbkdf2_sha256$870000$salt$…');
 * if (!('problem' in parsed)) console.log(parsed.scheme);
 */
export type ParsedHash =
  | { scheme: 'bcrypt'; hash: string; cost: number; prehash: 'none' | 'sha256-hex' }
  | {
      scheme: 'argon2id';
      memoryKiB: number;
      iterations: number;
      parallelism: number;
      salt: Uint8Array;
      hash: Uint8Array;
    }
  | { scheme: 'pbkdf2_sha256'; iterations: number; salt: Uint8Array; hash: Uint8Array }
  | { scheme: 'scrypt'; cost: number; blockSize: number; parallelism: number; salt: Uint8Array; hash: Uint8Array };

/**
 * Why a stored hash cannot be verified. Never a pass: the caller treats each as a data error.
 * `prefix` is the scheme label of an unknown format (`$1$`, `sha1$`), never any part of the hash.
 *
 * @example
 * { problem: 'hash-format-unknown', prefix: '$1$' }
 */
export type HashProblem =
  | { problem: 'hash-format-unknown'; prefix?: string }
  | { problem: 'hash-malformed'; scheme: HashScheme }
  | { problem: 'hash-parameters-unsupported'; scheme: HashScheme; parameter: string };

// bcrypt: $2a$/$2b$/$2y$, two-digit cost, 22 characters of salt and 31 of hash in bcrypt's alphabet.
const BCRYPT = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/;
// A scheme label to name in the log: `$id$` (crypt) or `name$` (Django), short and plain.
const LABEL = /^(\$[A-Za-z0-9-]{1,20}\$|[A-Za-z0-9_-]{1,30}\$)/;
const UTF8 = new TextEncoder();
// Django's salts are ASCII letters and digits; anything outside printable ASCII is a corrupted row.
const TEXT_SALT = /^[\x21-\x7e]+$/;

/** A text salt (Django's) as the UTF-8 bytes it is hashed with, or undefined when it is not printable ASCII. */
function textSalt(salt: string | undefined): Uint8Array | undefined {
  return salt !== undefined && TEXT_SALT.test(salt) ? UTF8.encode(salt) : undefined;
}

/**
 * Reads a stored password hash: bcrypt (`$2a$`, `$2b$`, `$2y$`; Django's `bcrypt$` and
 * `bcrypt_sha256$` too), argon2id in the PHC string format (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`,
 * also with Django's `argon2` prefix), Django's PBKDF2 (`pbkdf2_sha256$iterations$salt$hash`) and
 * scrypt (Django's `scrypt$salt$N$r$p$hash`, or the PHC-style `$scrypt$ln=…,r=…,p=…$salt$hash`
 * passlib writes). Pure and linear-time; nothing is hashed here.
 *
 * @example
 * parsePasswordHash('$2b$12$…');  // { scheme: 'bcrypt', cost: 12, … }
 * parsePasswordHash('$1$abc$…');  // { problem: 'hash-format-unknown', prefix: '$1$' }
 */
export function parsePasswordHash(stored: string): ParsedHash | HashProblem {
  if (stored.startsWith('$2')) return parseBcrypt(stored, 'none');
  if (stored.startsWith('bcrypt$')) return parseBcrypt(stored.slice('bcrypt$'.length), 'none');
  if (stored.startsWith('bcrypt_sha256$')) return parseBcrypt(stored.slice('bcrypt_sha256$'.length), 'sha256-hex');
  if (stored.startsWith('$argon2id$')) return parseArgon2id(stored);
  if (stored.startsWith('argon2$argon2id$')) return parseArgon2id(stored.slice('argon2'.length));
  if (stored.startsWith('pbkdf2_sha256$')) return parsePbkdf2(stored);
  if (stored.startsWith('scrypt$')) return parseDjangoScrypt(stored);
  if (stored.startsWith('$scrypt$')) return parsePhcScrypt(stored);
  const label = LABEL.exec(stored)?.[1];
  return label === undefined ? { problem: 'hash-format-unknown' } : { problem: 'hash-format-unknown', prefix: label };
}

function parseBcrypt(hash: string, prehash: 'none' | 'sha256-hex'): ParsedHash | HashProblem {
  const match = BCRYPT.exec(hash);
  if (!match) return { problem: 'hash-malformed', scheme: 'bcrypt' };
  const cost = Number(match[1]);
  if (cost < HASH_LIMITS.bcryptMinCost || cost > HASH_LIMITS.bcryptMaxCost) {
    return { problem: 'hash-parameters-unsupported', scheme: 'bcrypt', parameter: 'cost' };
  }
  return { scheme: 'bcrypt', hash, cost, prehash };
}

/** `k=v,k=v` into a map; undefined when a part is not `name=digits` or a name repeats. */
function phcParameters(text: string): Map<string, string> | undefined {
  const parameters = new Map<string, string>();
  for (const part of text.split(',')) {
    const match = /^([a-z]{1,4})=(\d{1,10})$/.exec(part);
    if (!match || parameters.has(match[1]!)) return undefined;
    parameters.set(match[1]!, match[2]!);
  }
  return parameters;
}

function saltAndHash(
  scheme: HashScheme,
  salt: Uint8Array | undefined,
  hash: Uint8Array | undefined,
): { salt: Uint8Array; hash: Uint8Array } | HashProblem {
  if (!salt || !hash) return { problem: 'hash-malformed', scheme };
  if (salt.length < HASH_LIMITS.minSaltBytes || salt.length > HASH_LIMITS.maxSaltBytes) {
    return { problem: 'hash-parameters-unsupported', scheme, parameter: 'salt' };
  }
  if (hash.length < HASH_LIMITS.minHashBytes || hash.length > HASH_LIMITS.maxHashBytes) {
    return { problem: 'hash-parameters-unsupported', scheme, parameter: 'hash length' };
  }
  return { salt, hash };
}

function parseArgon2id(stored: string): ParsedHash | HashProblem {
  // ['', 'argon2id', 'v=19', 'm=…,t=…,p=…', salt, hash]
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== '') return { problem: 'hash-malformed', scheme: 'argon2id' };
  if (parts[2] !== 'v=19') return { problem: 'hash-parameters-unsupported', scheme: 'argon2id', parameter: 'v' };
  const parameters = phcParameters(parts[3]!);
  if (!parameters || parameters.size !== 3) return { problem: 'hash-malformed', scheme: 'argon2id' };
  const memoryKiB = parseBoundedInteger(parameters.get('m') ?? '', 8, HASH_LIMITS.argon2MaxMemoryKiB);
  const iterations = parseBoundedInteger(parameters.get('t') ?? '', 1, HASH_LIMITS.argon2MaxIterations);
  const parallelism = parseBoundedInteger(parameters.get('p') ?? '', 1, HASH_LIMITS.argon2MaxParallelism);
  for (const [name, value] of [
    ['m', memoryKiB],
    ['t', iterations],
    ['p', parallelism],
  ] as const) {
    if (!parameters.has(name)) return { problem: 'hash-malformed', scheme: 'argon2id' };
    if (value === undefined) return { problem: 'hash-parameters-unsupported', scheme: 'argon2id', parameter: name };
  }
  // Argon2 needs at least 8 KiB of memory per lane.
  if (memoryKiB! < 8 * parallelism!)
    return { problem: 'hash-parameters-unsupported', scheme: 'argon2id', parameter: 'm' };
  const bytes = saltAndHash('argon2id', decodePhcBase64(parts[4]!), decodePhcBase64(parts[5]!));
  if ('problem' in bytes) return bytes;
  return { scheme: 'argon2id', memoryKiB: memoryKiB!, iterations: iterations!, parallelism: parallelism!, ...bytes };
}

function parsePbkdf2(stored: string): ParsedHash | HashProblem {
  // ['pbkdf2_sha256', iterations, salt, hash]; Django's salt is text, used as its UTF-8 bytes.
  const parts = stored.split('$');
  if (parts.length !== 4 || !/^\d+$/.test(parts[1]!)) return { problem: 'hash-malformed', scheme: 'pbkdf2_sha256' };
  const iterations = parseBoundedInteger(parts[1]!, 1, HASH_LIMITS.pbkdf2MaxIterations);
  if (iterations === undefined) {
    return { problem: 'hash-parameters-unsupported', scheme: 'pbkdf2_sha256', parameter: 'iterations' };
  }
  const hash = decodePaddedBase64(parts[3]!);
  if (hash && hash.length !== 32) return { problem: 'hash-malformed', scheme: 'pbkdf2_sha256' };
  const bytes = saltAndHash('pbkdf2_sha256', textSalt(parts[2]), hash);
  if ('problem' in bytes) return bytes;
  return { scheme: 'pbkdf2_sha256', iterations, ...bytes };
}

function scryptCosts(
  cost: number | undefined,
  blockSize: number | undefined,
  parallelism: number | undefined,
): { cost: number; blockSize: number; parallelism: number } | HashProblem {
  // N must be a power of two above 1; 128 · N · r bytes must fit the memory bound.
  if (cost === undefined || cost < 2 || (cost & (cost - 1)) !== 0) {
    return { problem: 'hash-parameters-unsupported', scheme: 'scrypt', parameter: 'N' };
  }
  if (blockSize === undefined) return { problem: 'hash-parameters-unsupported', scheme: 'scrypt', parameter: 'r' };
  if (parallelism === undefined) return { problem: 'hash-parameters-unsupported', scheme: 'scrypt', parameter: 'p' };
  if (128 * cost * blockSize > HASH_LIMITS.scryptMaxMemoryBytes) {
    return { problem: 'hash-parameters-unsupported', scheme: 'scrypt', parameter: 'N' };
  }
  return { cost, blockSize, parallelism };
}

function parseDjangoScrypt(stored: string): ParsedHash | HashProblem {
  // ['scrypt', salt, N, r, p, hash]
  const parts = stored.split('$');
  if (parts.length !== 6 || !parts.slice(2, 5).every((part) => /^\d+$/.test(part))) {
    return { problem: 'hash-malformed', scheme: 'scrypt' };
  }
  const costs = scryptCosts(
    parseBoundedInteger(parts[2]!, 2, 2 ** 30),
    parseBoundedInteger(parts[3]!, 1, HASH_LIMITS.scryptMaxBlockSize),
    parseBoundedInteger(parts[4]!, 1, HASH_LIMITS.scryptMaxParallelism),
  );
  if ('problem' in costs) return costs;
  const bytes = saltAndHash('scrypt', textSalt(parts[1]), decodePaddedBase64(parts[5]!));
  if ('problem' in bytes) return bytes;
  return { scheme: 'scrypt', ...costs, ...bytes };
}

function parsePhcScrypt(stored: string): ParsedHash | HashProblem {
  // ['', 'scrypt', 'ln=…,r=…,p=…', salt, hash]
  const parts = stored.split('$');
  const parameters = parts.length === 5 && parts[0] === '' ? phcParameters(parts[2]!) : undefined;
  if (!parameters || parameters.size !== 3 || !['ln', 'r', 'p'].every((name) => parameters.has(name))) {
    return { problem: 'hash-malformed', scheme: 'scrypt' };
  }
  const log2Cost = parseBoundedInteger(parameters.get('ln')!, 1, 30);
  const costs = scryptCosts(
    log2Cost === undefined ? undefined : 2 ** log2Cost,
    parseBoundedInteger(parameters.get('r')!, 1, HASH_LIMITS.scryptMaxBlockSize),
    parseBoundedInteger(parameters.get('p')!, 1, HASH_LIMITS.scryptMaxParallelism),
  );
  if ('problem' in costs) return costs;
  const bytes = saltAndHash('scrypt', decodePhcBase64(parts[3]!), decodePhcBase64(parts[4]!));
  if ('problem' in bytes) return bytes;
  return { scheme: 'scrypt', ...costs, ...bytes };
}
