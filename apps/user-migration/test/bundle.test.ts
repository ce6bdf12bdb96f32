import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { bundleTestbed, logRecords, type InvokeResult } from '@cognito-triggers/lambda-runtime';
import { refusingEndpoint } from '@cognito-triggers/local-stack';
import { findPersonalData, PERSONAL_VALUES, triggerEvent } from '@cognito-triggers/trigger-core/testing';
import bcrypt from 'bcryptjs';
import { argon2id } from 'hash-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLegacyUsers } from '../src/import/index';
import { startLegacyTable, type LegacyTable } from './support/legacy-table';

// The deployed artifact itself (pnpm build writes it), run on Node 24 as the nodejs24.x runtime
// would, against DynamoDB's API (dynalite) with accounts loaded by the import.
const bundlePath = fileURLToPath(new URL('../dist/index.mjs', import.meta.url));
const testbed = bundleTestbed({ name: 'user-migration', bundlePath, environment: { AWS_REGION: 'eu-west-1' } });
const OLD_PASSWORD = 'Legacy-Passw0rd!';
const salt = randomBytes(16);
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function accounts() {
  const djangoSalt = 'q7Vt2mXb9LpR4sKe';
  return {
    bcrypt: await bcrypt.hash(OLD_PASSWORD, 10),
    argon2id: await argon2id({
      password: OLD_PASSWORD,
      salt,
      iterations: 2,
      parallelism: 1,
      memorySize: 19_456,
      hashLength: 32,
      outputType: 'encoded',
    }),
    pbkdf2_sha256: `pbkdf2_sha256$600000$${djangoSalt}$${b64(pbkdf2Sync(OLD_PASSWORD, djangoSalt, 600_000, 32, 'sha256'))}`,
    scrypt: `scrypt$${djangoSalt}$16384$8$1$${b64(scryptSync(OLD_PASSWORD, djangoSalt, 64, { N: 16_384, r: 8, p: 1 }))}`,
  };
}

let table: LegacyTable;
let hashes: Awaited<ReturnType<typeof accounts>>;
const personal: string[] = [...PERSONAL_VALUES, OLD_PASSWORD];

function signIn(userName: string, password = OLD_PASSWORD) {
  return triggerEvent('UserMigration_Authentication', { userName, request: { password } });
}

function summary(result: InvokeResult): Record<string, unknown> | undefined {
  return logRecords(result).find((line) => line.message === 'invocation finished');
}

beforeAll(async () => {
  table = await startLegacyTable();
  hashes = await accounts();
  const lines = Object.entries(hashes).map(([scheme, passwordHash]) =>
    JSON.stringify({
      username: `user-${scheme}`,
      email: `${scheme.replace('_', '-')}@legacy.example`,
      emailVerified: scheme !== 'scrypt',
      passwordHash,
      attributes: { first_name: 'Jane' },
    }),
  );
  lines.push(
    JSON.stringify({
      username: 'lockme',
      email: 'lockme@legacy.example',
      emailVerified: true,
      passwordHash: hashes.bcrypt,
    }),
  );
  const report = await importLegacyUsers({ client: table.client, tableName: table.tableName, lines });
  expect(report).toMatchObject({ imported: 5, rejected: [] });
  personal.push(...Object.values(hashes), ...lines.map((line) => (JSON.parse(line) as { email: string }).email));
});
afterAll(async () => {
  await testbed.stop();
  await table?.stop();
});

function tableFunction(extra: Record<string, string> = {}) {
  return testbed.deploy({
    LEGACY_TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: table.dynalite.endpoint,
    ATTRIBUTE_MAP: 'first_name=given_name',
    ...extra,
  });
}

describe('the built user-migration bundle on Node 24, against dynalite', () => {
  it.each(['bcrypt', 'argon2id', 'pbkdf2_sha256', 'scrypt'] as const)(
    'migrates a user whose %s hash matches the old password, confirmed and without a welcome message',
    async (scheme) => {
      const fn = tableFunction();
      const result = await testbed.invoke(fn, signIn(`user-${scheme}`));
      expect(result.ok).toBe(true);
      expect(result.ok && result.payload).toMatchObject({
        response: {
          userAttributes: {
            email: `${scheme.replace('_', '-')}@legacy.example`,
            email_verified: scheme === 'scrypt' ? 'false' : 'true',
            given_name: 'Jane',
          },
          finalUserStatus: 'CONFIRMED',
          messageAction: 'SUPPRESS',
        },
      });
      expect(summary(result)).toMatchObject({
        outcome: 'success',
        found: true,
        verified: true,
        migrated: true,
        hashScheme: scheme,
      });
    },
  );

  it('finds a user by e-mail address too', async () => {
    const result = await testbed.invoke(tableFunction(), signIn('BCRYPT@legacy.example'));
    expect(summary(result)).toMatchObject({ outcome: 'success', lookupBy: 'email' });
  });

  it('refuses a wrong password and an unknown user with the same message, and keeps serving on the warm instance', async () => {
    const fn = tableFunction();
    const wrong = await testbed.invoke(fn, signIn('user-bcrypt', 'Legacy-Passw0rd?'));
    const unknown = await testbed.invoke(fn, signIn('nobody@legacy.example'));
    for (const result of [wrong, unknown]) {
      expect(result).toMatchObject({
        ok: false,
        error: { errorType: 'UserFacingError', errorMessage: 'Incorrect username or password.' },
      });
    }
    expect([summary(wrong)?.reason, summary(unknown)?.reason]).toEqual(['password-mismatch', 'user-not-found']);
    const right = await testbed.invoke(fn, signIn('user-bcrypt'));
    expect(right.ok).toBe(true);
    expect(right.coldStart).toBe(false);
  });

  it('makes a user wait after five wrong passwords, refusing even the right one meanwhile', async () => {
    const fn = tableFunction();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(summary(await testbed.invoke(fn, signIn('lockme', `guess-${attempt}`)))).toMatchObject({
        reason: 'password-mismatch',
        failedAttempts: attempt,
      });
    }
    const locked = await testbed.invoke(fn, signIn('lockme'));
    expect(locked).toMatchObject({ ok: false, error: { errorMessage: 'Incorrect username or password.' } });
    expect(summary(locked)).toMatchObject({ reason: 'locked', found: true, failedAttempts: 5 });
  });

  it('fails closed with the generic message when DynamoDB refuses connections', async () => {
    const fn = testbed.deploy({
      LEGACY_TABLE_NAME: table.tableName,
      AWS_ENDPOINT_URL_DYNAMODB: await refusingEndpoint(),
    });
    const result = await testbed.invoke(fn, signIn('user-bcrypt'));
    expect(result).toMatchObject({
      ok: false,
      error: { errorMessage: 'We could not complete your request right now. Please try again.' },
    });
    expect(summary(result)).toMatchObject({
      level: 'ERROR',
      outcome: 'failed',
      failurePolicy: 'reject',
      reason: 'store-unavailable',
    });
  });

  it("fails closed, inside Cognito's 5 seconds, when DynamoDB accepts connections and never answers", async () => {
    // Holds every connection open without a byte of answer; destroyed at the end so close() returns.
    const sockets = new Set<Socket>();
    const silent: TcpServer = createTcpServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const fn = testbed.deploy({
        LEGACY_TABLE_NAME: table.tableName,
        AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${port}`,
      });
      const result = await testbed.invoke(fn, signIn('user-bcrypt'));
      expect(result).toMatchObject({
        ok: false,
        error: { errorMessage: 'We could not complete your request right now. Please try again.' },
      });
      const line = summary(result);
      expect(line).toMatchObject({ outcome: 'failed', failurePolicy: 'reject' });
      // The wrapper's budget is what keeps it inside Cognito's limit, whichever timeout fired first.
      expect(Number(line?.budgetMs)).toBeLessThanOrEqual(4_700);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('finds a user on a forgotten password, and refuses one whose address the old system never verified', async () => {
    const fn = tableFunction();
    const found = await testbed.invoke(fn, triggerEvent('UserMigration_ForgotPassword', { userName: 'user-argon2id' }));
    expect(found.ok && found.payload).toMatchObject({
      response: { messageAction: 'SUPPRESS', userAttributes: { email_verified: 'true' } },
    });
    const unverified = await testbed.invoke(
      fn,
      triggerEvent('UserMigration_ForgotPassword', { userName: 'user-scrypt' }),
    );
    expect(summary(unverified)).toMatchObject({ outcome: 'rejected', reason: 'no-verified-email' });
  });
});

describe('the built bundle against a legacy verify-credentials endpoint', () => {
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      let text = '';
      request.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      request.on('end', () => {
        const body = JSON.parse(text) as { username: string; password?: string };
        if (body.username !== 'http-user') return void response.writeHead(404).end();
        if (body.password !== undefined && body.password !== OLD_PASSWORD) return void response.writeHead(401).end();
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({ user: { username: 'http-user', email: 'http-user@legacy.example', emailVerified: true } }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verify`;
    personal.push('http-user@legacy.example');
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('migrates the user the endpoint vouches for, and refuses a wrong password with the same message as everyone', async () => {
    const fn = testbed.deploy({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: endpoint });
    const migrated = await testbed.invoke(fn, signIn('http-user'));
    expect(migrated.ok && migrated.payload).toMatchObject({
      response: { finalUserStatus: 'CONFIRMED', userAttributes: { email: 'http-user@legacy.example' } },
    });
    expect(summary(migrated)).toMatchObject({ store: 'http', migrated: true });
    const wrong = await testbed.invoke(fn, signIn('http-user', 'nope'));
    expect(wrong).toMatchObject({ ok: false, error: { errorMessage: 'Incorrect username or password.' } });
  });

  it('refuses to start on a plain-http endpoint outside loopback: every request fails closed, naming the variable', async () => {
    const fn = testbed.deploy({ LEGACY_STORE: 'http', LEGACY_VERIFY_URL: 'http://legacy.acme.example/verify' });
    const result = await testbed.invoke(fn, signIn('http-user'));
    expect(result).toMatchObject({
      ok: false,
      error: { errorMessage: 'We could not complete your request right now. Please try again.' },
    });
    expect(summary(result)).toMatchObject({ errorName: 'ConfigurationError', variable: 'LEGACY_VERIFY_URL' });
  });
});

describe('the log output of this whole suite', () => {
  it('is one JSON object per line and never carries a username, e-mail, password or hash', () => {
    expect(testbed.invocations()).toBeGreaterThan(15);
    expect(testbed.logs.length).toBeGreaterThanOrEqual(testbed.invocations());
    for (const line of testbed.logs) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    const usernames = ['user-bcrypt', 'user-argon2id', 'user-pbkdf2_sha256', 'user-scrypt', 'lockme', 'http-user'];
    expect(findPersonalData(testbed.logs.join('\n'), [...personal, ...usernames])).toEqual([]);
  });
});
