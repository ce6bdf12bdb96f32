import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPersonalData } from '@cognito-triggers/trigger-core/testing';
import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLegacyUsers, parseExportLine } from '../src/import/index';
import { startLegacyTable, type LegacyTable } from './support/legacy-table';

let table: LegacyTable;
// Made synchronously: the export below is built when the file loads.
const hash = bcrypt.hashSync('Old-Password-1', 4);
let dir: string;

beforeAll(async () => {
  table = await startLegacyTable();
  dir = mkdtempSync(join(tmpdir(), 'legacy-export-'));
});
afterAll(async () => {
  await table?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const row = (fields: Record<string, unknown>) => JSON.stringify({ passwordHash: hash, emailVerified: true, ...fields });

describe('parseExportLine', () => {
  it('accepts a row the trigger can migrate and refuses one it could not', () => {
    expect(
      parseExportLine(row({ username: 'amy', email: 'amy@example.org', attributes: { first_name: 'Amy' } })),
    ).toMatchObject({
      ok: true,
      account: { username: 'amy', email: 'amy@example.org', emailVerified: true, attributes: { first_name: 'Amy' } },
    });
    expect(parseExportLine('   ')).toBeUndefined();
    expect(parseExportLine(row({ username: 'amy', passwordHash: 'sha1$$abc' }))).toEqual({
      ok: false,
      problem: 'passwordHash has an unknown format (sha1$)',
    });
    expect(parseExportLine(row({ username: 'amy\r\nBcc: x' }))).toEqual({
      ok: false,
      problem: 'username must not contain line breaks or control characters',
    });
    expect(parseExportLine('x'.repeat(70_000))).toEqual({
      ok: false,
      problem: 'the line is longer than 65536 characters',
    });
  });
});

describe('importLegacyUsers into dynalite', () => {
  const EXPORT = [
    row({ username: 'ann', email: 'ann@example.org' }), // 1
    '{"username": "broken",', // 2
    row({ username: 'carl', email: 'carl@example.org', passwordHash: '$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0' }), // 3
    '', // 4: blank, skipped
    row({ username: 'ANN', email: 'other@example.org' }), // 5: same username as line 1
    row({ username: 'dora', email: 'Ann@Example.org' }), // 6: same e-mail as line 1
    row({ email: 'nameless@example.org' }), // 7
    row({ username: 'eve', email: 'eve@example.org', emailVerified: 'yes' }), // 8
    row({ username: 'finn', attributes: { tenant: 'acme-42' } }), // 9: no e-mail is fine
  ];

  it('writes the good rows and reports every refused one by line number, without its values', async () => {
    const report = await importLegacyUsers({ client: table.client, tableName: table.tableName, lines: EXPORT });
    expect(report).toEqual({
      lines: 9,
      imported: 2,
      rejected: [
        { line: 2, problem: 'the line is not valid JSON' },
        { line: 3, problem: 'passwordHash has an unknown format ($1$)' },
        { line: 5, problem: 'username duplicates line 1 (usernames compare case-insensitively)' },
        { line: 6, problem: 'email duplicates line 1' },
        { line: 7, problem: 'username must be a string' },
        { line: 8, problem: 'emailVerified must be true or false' },
      ],
    });
    expect(await table.item('ann')).toMatchObject({
      username: { S: 'ann' },
      emailKey: { S: 'ann@example.org' },
      passwordHash: { S: hash },
    });
    expect(await table.item('finn')).toMatchObject({ attributes: { M: { tenant: { S: 'acme-42' } } } });
    expect(await table.item('broken')).toBeUndefined();
  });

  it('changes nothing when run again, and replaces accounts with overwrite', async () => {
    const again = await importLegacyUsers({ client: table.client, tableName: table.tableName, lines: [EXPORT[0]!] });
    expect(again).toEqual({
      lines: 1,
      imported: 0,
      rejected: [{ line: 1, problem: 'username is already in the table (run with --overwrite to replace it)' }],
    });
    const replaced = await importLegacyUsers({
      client: table.client,
      tableName: table.tableName,
      lines: [row({ username: 'ann', email: 'ann@example.org', emailVerified: false })],
      overwrite: true,
    });
    expect(replaced).toMatchObject({ imported: 1, rejected: [] });
    expect((await table.item('ann'))?.emailVerified).toEqual({ BOOL: false });
  });

  it('refuses an e-mail address another account in the table already has', async () => {
    const report = await importLegacyUsers({
      client: table.client,
      tableName: table.tableName,
      lines: [row({ username: 'ann-again', email: 'ANN@example.org' })],
    });
    expect(report.rejected).toEqual([{ line: 1, problem: 'email is already used by another account in the table' }]);
  });
});

describe('the import-legacy-users command', () => {
  const bin = fileURLToPath(new URL('../src/import/bin.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

  function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(tsx, [bin, ...args], {
        env: {
          PATH: process.env.PATH,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_ENDPOINT_URL_DYNAMODB: table.dynalite.endpoint,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('creates the table, imports a file, lists refused rows by line and exits 2 when some were refused', async () => {
    const file = join(dir, 'export.jsonl');
    writeFileSync(
      file,
      [
        row({ username: 'gus', email: 'gus@example.org' }),
        'not json',
        row({ username: 'hal', passwordHash: 'plain' }),
      ].join('\n'),
    );
    const result = await run(['--table', 'cli-users', '--create-table', '--file', file]);
    // The AWS SDK may add its own warnings (Node 20 support notice); the report is the "line" lines.
    const reported = result.stderr.split('\n').filter((line) => line.startsWith('line '));
    expect(reported).toEqual(['line 2: the line is not valid JSON', 'line 3: passwordHash has an unknown format']);
    expect(result.stdout).toBe('import-legacy-users: 1 imported, 2 rejected, of 3 lines, into cli-users\n');
    expect(result.code).toBe(2);
    expect(findPersonalData(result.stdout + result.stderr, ['gus', 'gus@example.org', hash, 'hal'])).toEqual([]);
  });

  it('exits 1 with the usage when --table is missing', async () => {
    const result = await run([]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--table is required');
  });
});
