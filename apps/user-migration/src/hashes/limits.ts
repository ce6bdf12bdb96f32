/**
 * The costs a stored hash may ask for. A hash beyond them is refused as a data error before any
 * work is done: a row with `m=4194304` (4 GiB of argon2 memory) or bcrypt cost 31 would otherwise
 * stall or crash the instance on every sign-in attempt for that user. The bounds are well above
 * what current recommendations (OWASP, the libraries' defaults, Django's) produce, and verifying
 * at the bound fits Cognito's 5 seconds on a 1769 MiB (one vCPU) function.
 *
 * @example
 * if (cost > HASH_LIMITS.bcryptMaxCost) return { problem: 'hash-parameters-unsupported', scheme: 'bcrypt', parameter: 'cost' };
 */
export const HASH_LIMITS = {
  /** bcrypt's log2 rounds; 10–12 is usual, every step doubles the time (14 takes about 1.5 s). */
  bcryptMinCost: 4,
  bcryptMaxCost: 14,
  /** argon2id memory in KiB (256 MiB; OWASP suggests 19 MiB–46 MiB, node-argon2's default is 64 MiB). */
  argon2MaxMemoryKiB: 262_144,
  argon2MaxIterations: 10,
  argon2MaxParallelism: 16,
  /** PBKDF2-SHA256 iterations (Django 5.2 uses 1,000,000). */
  pbkdf2MaxIterations: 5_000_000,
  /** scrypt's memory, 128 · N · r bytes (256 MiB), and its other costs. */
  scryptMaxMemoryBytes: 268_435_456,
  scryptMaxBlockSize: 32,
  scryptMaxParallelism: 16,
  /** Salt and hash lengths in bytes. */
  minSaltBytes: 8,
  maxSaltBytes: 128,
  minHashBytes: 16,
  maxHashBytes: 128,
} as const;
