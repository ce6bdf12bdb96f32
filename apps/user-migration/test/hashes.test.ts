import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { HASH_LIMITS, parsePasswordHash, verifyDecoy, verifyPassword, type ParsedHash } from '../src/hashes/index';

// Every vector is made here, with the library (or node:crypto) that verifies it, from a password
// that differs from the wrong ones in one character only.
const PASSWORD = 'Correct-Horse-Battery-1';
const WRONG = ['Correct-Horse-Battery-2', 'correct-Horse-Battery-1', 'Correct-Horse-Battery-1 ', '', '\ud800'];

function parsed(stored: string): ParsedHash {
  const result = parsePasswordHash(stored);
  if ('problem' in result) throw new Error(`expected a parsed hash, got ${JSON.stringify(result)}`);
  return result;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const phc = (bytes: Uint8Array) => b64(bytes).replace(/=+$/, '');

async function vectors(): Promise<{ name: string; stored: string; scheme: string }[]> {
  const bcryptHash = await bcrypt.hash(PASSWORD, 4);
  const salt = randomBytes(16);
  const djangoSalt = 'Gx3vNkXq2YpL8sTw';
  return [
    { name: 'bcrypt $2b$', stored: bcryptHash, scheme: 'bcrypt' },
    // $2a$ and $2y$ differ from $2b$ only in how old implementations handled 8-bit input.
    { name: 'bcrypt $2a$', stored: bcryptHash.replace('$2b$', '$2a$'), scheme: 'bcrypt' },
    { name: 'bcrypt $2y$', stored: bcryptHash.replace('$2b$', '$2y$'), scheme: 'bcrypt' },
    { name: "Django's bcrypt$", stored: `bcrypt$${bcryptHash}`, scheme: 'bcrypt' },
    {
      name: "Django's bcrypt_sha256$",
      stored: `bcrypt_sha256$${await bcrypt.hash(
        (await import('node:crypto')).createHash('sha256').update(PASSWORD).digest('hex'),
        4,
      )}`,
      scheme: 'bcrypt',
    },
    {
      name: 'argon2id (PHC string)',
      stored: await argon2id({
        password: PASSWORD,
        salt,
        iterations: 2,
        parallelism: 2,
        memorySize: 64,
        hashLength: 32,
        outputType: 'encoded',
      }),
      scheme: 'argon2id',
    },
    {
      name: "Django's argon2$argon2id$",
      stored: `argon2${await argon2id({ password: PASSWORD, salt, iterations: 1, parallelism: 1, memorySize: 32, hashLength: 32, outputType: 'encoded' })}`,
      scheme: 'argon2id',
    },
    {
      name: "Django's pbkdf2_sha256$",
      stored: `pbkdf2_sha256$1000$${djangoSalt}$${b64(pbkdf2Sync(PASSWORD, djangoSalt, 1000, 32, 'sha256'))}`,
      scheme: 'pbkdf2_sha256',
    },
    {
      name: "Django's scrypt$",
      stored: `scrypt$${djangoSalt}$1024$8$1$${b64(scryptSync(PASSWORD, djangoSalt, 64, { N: 1024, r: 8, p: 1 }))}`,
      scheme: 'scrypt',
    },
    {
      name: 'scrypt (PHC string, as passlib writes)',
      stored: `$scrypt$ln=10,r=8,p=2$${phc(salt)}$${phc(scryptSync(PASSWORD, salt, 32, { N: 1024, r: 8, p: 2 }))}`,
      scheme: 'scrypt',
    },
  ];
}

describe('verifyPassword, per stored hash format', async () => {
  for (const { name, stored, scheme } of await vectors()) {
    it(`${name}: accepts the password it was made from and no other`, async () => {
      const hash = parsed(stored);
      expect(hash.scheme).toBe(scheme);
      expect(await verifyPassword(PASSWORD, hash)).toBe(true);
      for (const wrong of WRONG) expect(await verifyPassword(wrong, hash), JSON.stringify(wrong)).toBe(false);
    });
  }

  it("verifies PHP's password_hash output ($2y$), made by another bcrypt implementation", async () => {
    // The example of PHP's password_verify documentation.
    const hash = parsed('$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a');
    expect(await verifyPassword('rasmuslerdorf', hash)).toBe(true);
    expect(await verifyPassword('rasmuslerdorF', hash)).toBe(false);
  });

  it("reads passlib's ab64 alphabet (. for +) in PHC scrypt strings", async () => {
    // Find a salt whose base64 has a "+", so that the ab64 form differs from the standard one.
    let salt = randomBytes(16);
    while (!phc(salt).includes('+')) salt = randomBytes(16);
    const hash = phc(scryptSync(PASSWORD, salt, 32, { N: 16, r: 1, p: 1 }));
    const stored = `$scrypt$ln=4,r=1,p=1$${phc(salt).replaceAll('+', '.')}$${hash.replaceAll('+', '.')}`;
    expect(await verifyPassword(PASSWORD, parsed(stored))).toBe(true);
  });

  it('never passes the decoy used for users who do not exist', async () => {
    expect(await verifyDecoy(PASSWORD)).toBe(false);
    expect(await verifyDecoy('')).toBe(false);
  });
});

describe('parsePasswordHash refuses what it cannot verify', () => {
  it.each([
    ['plain text', 'hunter2', undefined],
    ['empty', '', undefined],
    ['md5-crypt', '$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0', '$1$'],
    ['sha512-crypt', '$6$rounds=5000$salt$abc', '$6$'],
    ['argon2i', '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG', '$argon2i$'],
    ["Django's unsalted SHA-1", 'sha1$$0123456789abcdef0123456789abcdef01234567', 'sha1$'],
    ["Django's pbkdf2_sha1", 'pbkdf2_sha1$260000$salt$abc=', 'pbkdf2_sha1$'],
  ])('%s is an unknown format, naming only its scheme label', (_name, stored, prefix) => {
    expect(parsePasswordHash(stored)).toEqual(
      prefix === undefined ? { problem: 'hash-format-unknown' } : { problem: 'hash-format-unknown', prefix },
    );
  });

  it.each([
    ['bcrypt cut short', '$2b$10$abc', 'bcrypt'],
    ['bcrypt with a character outside its alphabet', `$2b$10$${'a'.repeat(52)}!`, 'bcrypt'],
    ['argon2id without its hash', '$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ', 'argon2id'],
    [
      'argon2id with a repeated parameter',
      '$argon2id$v=19$m=64,m=64,t=1$c29tZXNhbHQ$c29tZXNhbHRzb21lc2FsdA',
      'argon2id',
    ],
    ['argon2id with padded base64', '$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ=$c29tZXNhbHRzb21lc2FsdA', 'argon2id'],
    ['pbkdf2 with a hash that is not base64', 'pbkdf2_sha256$1000$salt$not*base64', 'pbkdf2_sha256'],
    ['pbkdf2 with a 20-byte hash', `pbkdf2_sha256$1000$saltsalt$${b64(randomBytes(20))}`, 'pbkdf2_sha256'],
    ['pbkdf2 with a lone-surrogate salt', `pbkdf2_sha256$1000$saltsalt\ud800$${b64(randomBytes(32))}`, 'pbkdf2_sha256'],
    ['Django scrypt with a missing field', 'scrypt$salt$1024$8$abc=', 'scrypt'],
  ])('%s is malformed', (_name, stored, scheme) => {
    expect(parsePasswordHash(stored)).toEqual({ problem: 'hash-malformed', scheme });
  });

  it.each([
    ['bcrypt cost 31', `$2b$31$${'a'.repeat(53)}`, 'bcrypt', 'cost'],
    [
      `bcrypt cost ${HASH_LIMITS.bcryptMaxCost + 1}`,
      `$2b$${HASH_LIMITS.bcryptMaxCost + 1}$${'a'.repeat(53)}`,
      'bcrypt',
      'cost',
    ],
    [
      'argon2id with 4 GiB of memory',
      '$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHQ$c29tZXNhbHRzb21lc2FsdA',
      'argon2id',
      'm',
    ],
    ['argon2id version 16', '$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$c29tZXNhbHRzb21lc2FsdA', 'argon2id', 'v'],
    ['argon2id with a 4-byte salt', '$argon2id$v=19$m=64,t=1,p=1$c2FsdA$c29tZXNhbHRzb21lc2FsdA', 'argon2id', 'salt'],
    [
      'pbkdf2 with a billion iterations',
      `pbkdf2_sha256$1000000000$saltsalt$${b64(randomBytes(32))}`,
      'pbkdf2_sha256',
      'iterations',
    ],
    ['scrypt whose N is not a power of two', `scrypt$saltsalt$1000$8$1$${b64(randomBytes(64))}`, 'scrypt', 'N'],
    ['scrypt needing 1 GiB', `scrypt$saltsalt$1048576$8$1$${b64(randomBytes(64))}`, 'scrypt', 'N'],
  ])('%s is refused before any work', (_name, stored, scheme, parameter) => {
    expect(parsePasswordHash(stored)).toEqual({ problem: 'hash-parameters-unsupported', scheme, parameter });
  });

  it('reads a megabyte of hostile text in linear time, without a match', () => {
    for (const stored of [
      '$2b$10$' + 'a'.repeat(1_000_000),
      '$argon2id$' + '$'.repeat(1_000_000),
      'x$'.repeat(500_000),
    ]) {
      expect('problem' in parsePasswordHash(stored)).toBe(true);
    }
  });
});
