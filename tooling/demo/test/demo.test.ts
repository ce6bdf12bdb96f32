import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const demo = fileURLToPath(new URL('../src/demo.ts', import.meta.url));

// The README's main command: if it breaks, a newcomer's first minute with the repo breaks.
describe('pnpm demo', () => {
  it('walks through all six steps against the built triggers, exits 0 and prints no unmasked personal data', async () => {
    const { stdout } = await run(process.execPath, [tsx, demo], { timeout: 120_000, maxBuffer: 4 * 1024 * 1024 });
    for (const heading of ['1. ', '2. ', '3. ', '4. ', '5. ', '6. ']) expect(stdout).toContain(`\n${heading}`);
    expect(stdout).toContain('"Sign-ups with this e-mail domain are not allowed."');
    expect(stdout).toContain('sent the welcome e-mail');
    expect(stdout).toContain('sent the password-changed e-mail');
    expect(stdout).toContain('tenant_id="acme-42"');
    expect(stdout).toMatch(/Demo finished in [\d.]+ s: every step behaved as expected\./);
    expect(stdout).not.toContain('jane.doe@example.com');
    // The steps are told about "Jane"; what her e-mails say about her is masked.
    const emailLines = stdout.split('\n').filter((line) => line.trimStart().startsWith('|'));
    expect(emailLines.length).toBeGreaterThan(5);
    for (const line of emailLines) expect(line).not.toMatch(/\bJane\b|\bDoe\b/);
  });
});
