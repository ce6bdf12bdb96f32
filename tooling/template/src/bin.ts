import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { main } from './cli';
import { findRepoRoot } from './generate';

// The repo this generator lives in, wherever pnpm was started from.
const root = findRepoRoot(fileURLToPath(import.meta.url));
const terminal = process.stdin.isTTY === true;
const prompts = terminal ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;

try {
  process.exitCode = await main(process.argv.slice(2), {
    root,
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    ...(prompts ? { ask: (question: string) => prompts.question(question) } : {}),
  });
} finally {
  prompts?.close();
}
