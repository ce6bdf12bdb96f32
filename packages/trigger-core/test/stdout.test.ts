import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The logger's stdout sink, run in a child process whose stdout is a FIFO that the child itself
// reads, synchronously, at chosen points: so the pipe is full, or has room while the stream still
// holds bytes, exactly when the script says, with no timing involved. Each case compares what
// finally came out of the pipe with what went in.

let dir: string;

const CHILD = `
import { readFileSync, openSync, readSync, writeFileSync, constants } from 'node:fs';
import { writeLineToStdout } from './stdout.mjs';

const [fifo, script, output] = process.argv.slice(2);
const steps = JSON.parse(readFileSync(script, 'utf8'));
const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
const chunk = Buffer.alloc(1 << 16);
const received = [];
const queuedAt = [];

function readUpTo(limit) {
  let total = 0;
  while (total < limit) {
    let n = 0;
    try {
      n = readSync(reader, chunk, 0, Math.min(chunk.length, limit - total), null);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
    }
    if (n === 0) return total;
    received.push(Buffer.from(chunk.subarray(0, n)));
    total += n;
  }
  return total;
}

for (const [index, [step, value]] of steps.entries()) {
  if (step === 'logger') writeLineToStdout(value);
  else if (step === 'stream') process.stdout.write(value);
  else if (step === 'read') readUpTo(value);
  else if (step === 'drain') {
    // Lets the stream write what it holds, reading as it does, until both are empty.
    for (;;) {
      if (readUpTo(Infinity) > 0) continue;
      if (process.stdout.writableLength === 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (process.stdout.writableLength > 0) queuedAt.push(index);
}
writeFileSync(output, Buffer.concat(received));
process.send({ queuedAt }, () => process.disconnect());
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'trigger-core-stdout-'));
  const source = await readFile(new URL('../src/stdout.ts', import.meta.url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  await writeFile(join(dir, 'stdout.mjs'), outputText);
  await writeFile(join(dir, 'child.mjs'), CHILD);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Step = ['logger' | 'stream', string] | ['read', number] | ['drain', 0];

/** Runs the steps in a child whose stdout is a FIFO; returns every byte that went through it and the steps after which the stream held bytes. */
async function runSteps(steps: readonly Step[]): Promise<{ out: string; queuedAt: number[] }> {
  const name = `case-${Math.random().toString(36).slice(2)}`;
  const fifo = join(dir, `${name}.fifo`);
  execFileSync('mkfifo', [fifo]);
  await writeFile(join(dir, `${name}.json`), JSON.stringify([...steps, ['drain', 0]]));
  // Read-write, so that opening does not wait for a reader; the child opens its own reading end.
  const stdout = openSync(fifo, constants.O_RDWR);
  try {
    const queuedAt = await new Promise<number[]>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [join(dir, 'child.mjs'), fifo, join(dir, `${name}.json`), join(dir, `${name}.out`)],
        { stdio: ['ignore', stdout, 'inherit', 'ipc'] },
      );
      let message: { queuedAt: number[] } | undefined;
      child.on('message', (received: { queuedAt: number[] }) => (message = received));
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 && message ? resolve(message.queuedAt) : reject(new Error(`child exited with ${code}`)),
      );
    });
    return { out: await readFile(join(dir, `${name}.out`), 'utf8'), queuedAt };
  } finally {
    closeSync(stdout);
  }
}

const line = (n: number, body = '') => `${JSON.stringify({ level: 'INFO', message: 'line', n, body })}\n`;
const expected = (steps: readonly Step[]) =>
  steps.flatMap(([step, value]) => (step === 'logger' || step === 'stream' ? [value] : [])).join('');

describe('the stdout sink', () => {
  it('loses no line when the pipe is full: what does not fit waits in the stream, in order', async () => {
    // About 300 KB of small lines into a pipe of 64 KB that nobody reads meanwhile.
    const steps: Step[] = Array.from({ length: 3_000 }, (_, n): Step => ['logger', line(n, 'ü'.repeat(n % 40))]);
    const { out, queuedAt } = await runSteps(steps);
    expect(queuedAt.length).toBeGreaterThan(0);
    expect(out).toBe(expected(steps));
  });

  it('does not let a line overtake bytes the stream still holds once the pipe has room again', async () => {
    const steps: Step[] = [
      ...Array.from({ length: 2_000 }, (_, n): Step => ['logger', line(n)]),
      // Room in the pipe while the stream still holds about 40 KB.
      ['read', 32_768],
      ['logger', line(2_000, 'first after the read')],
      ['stream', line(2_001, 'written by other code')],
      ['logger', line(2_002)],
    ];
    const { out, queuedAt } = await runSteps(steps);
    expect(queuedAt).toContain(2_000);
    expect(out).toBe(expected(steps));
  });

  it('writes a line larger than the pipe whole, multi-byte characters included, before the next one', async () => {
    const steps: Step[] = [
      ['logger', line(0, 'é€😀'.repeat(50_000))],
      ['logger', line(1)],
      ['stream', line(2)],
      ['drain', 0],
      // 10 KB in the pipe, then 60 KB that only partly fit in what is left of its 64 KB.
      ['logger', line(3, 'x'.repeat(10_000))],
      ['logger', line(4, '€'.repeat(20_000))],
      ['logger', line(5)],
    ];
    const { out, queuedAt } = await runSteps(steps);
    expect(queuedAt).toEqual(expect.arrayContaining([0, 5]));
    expect(out).toBe(expected(steps));
  });
});
